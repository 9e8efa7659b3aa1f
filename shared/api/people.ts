import { z } from 'zod/mini';
import { roleSchema } from './auth.ts';

/** Someone who can be assigned a flag or @mentioned: an account that is not disabled. */
export const directoryPersonSchema = z.object({
  id: z.string(),
  /** What follows the @ in a mention. */
  username: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type DirectoryPerson = z.infer<typeof directoryPersonSchema>;

export const peopleAnswerSchema = z.object({ people: z.array(directoryPersonSchema) });
