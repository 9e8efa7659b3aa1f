import { z } from 'zod/mini';

/**
 * What a client publishes in its awareness state under `user`: the name and
 * colour that label its caret and its place in the presence bar. The
 * CollaborationCaret extension reads the same field.
 */
export const MAX_DISPLAY_NAME_CHARS = 60;
export const awarenessUserSchema = z.object({
  /** The account id; the server refuses a state whose id or name is not the connection's account. */
  id: z.optional(z.string().check(z.maxLength(64))),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_DISPLAY_NAME_CHARS)),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  role: z.optional(z.string().check(z.maxLength(16))),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

/** The awareness field that carries an `AwarenessUser`. */
export const AWARENESS_USER_FIELD = 'user';
