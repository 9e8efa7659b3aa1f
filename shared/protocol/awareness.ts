import { z } from 'zod';

/**
 * What a client publishes in its awareness state under `user`: the name and
 * colour that label its caret and its place in the presence bar. The
 * CollaborationCaret extension reads the same field.
 */
export const MAX_DISPLAY_NAME_CHARS = 60;
export const awarenessUserSchema = z.object({
  /** The account id; the server refuses a state whose id or name is not the connection's account. */
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(MAX_DISPLAY_NAME_CHARS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.string().max(16).optional(),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

/** The awareness field that carries an `AwarenessUser`. */
export const AWARENESS_USER_FIELD = 'user';
