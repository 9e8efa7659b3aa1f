import { z } from 'zod';

/**
 * What a client publishes in its awareness state under `user`: the name and
 * colour that label its caret and its place in the presence bar. The
 * CollaborationCaret extension reads the same field.
 */
export const MAX_DISPLAY_NAME_CHARS = 60;
export const awarenessUserSchema = z.object({
  name: z.string().trim().min(1).max(MAX_DISPLAY_NAME_CHARS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

/** The awareness field that carries an `AwarenessUser`. */
export const AWARENESS_USER_FIELD = 'user';
