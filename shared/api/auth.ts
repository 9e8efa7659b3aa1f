import { z } from 'zod/mini';
import { ROLE_NAMES } from '../permissions/permissions.ts';

export const roleSchema = z.enum(ROLE_NAMES);

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(USERNAME_PATTERN, 'a username is 2-32 characters: lower-case letters, digits, dot, dash, underscore'),
  );
export const MIN_PASSWORD_CHARS = 10;
const MAX_PASSWORD_CHARS = 200;
export const passwordSchema = z
  .string()
  .check(
    z.minLength(MIN_PASSWORD_CHARS, `a password has at least ${MIN_PASSWORD_CHARS} characters`),
    // Worded here: the add-account form shows it, and the client loads no zod messages of its own.
    z.maxLength(MAX_PASSWORD_CHARS, `a password has at most ${MAX_PASSWORD_CHARS} characters`),
  );
export const displayNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

/** Who is signed in: what `GET /api/session` answers and what awareness must match. */
export const accountSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const signInBodySchema = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const sessionAnswerSchema = z.object({ account: accountSummarySchema });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

export const createTokenBodySchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});
export const tokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;
/** The secret is shown once, at creation; the server keeps only its hash. */
export const tokenCreatedSchema = z.extend(tokenSummarySchema, { token: z.string() });
export const tokenListSchema = z.object({ tokens: z.array(tokenSummarySchema) });

export const accountSchema = z.extend(accountSummarySchema, {
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ accounts: z.array(accountSchema) });
export const accountAnswerSchema = z.object({ account: accountSchema });

export const createAccountBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: z.optional(displayNameSchema),
  role: roleSchema,
  password: passwordSchema,
});
export const patchAccountBodySchema = z.strictObject({
  displayName: z.optional(displayNameSchema),
  role: z.optional(roleSchema),
  disabled: z.optional(z.boolean()),
  password: z.optional(passwordSchema),
});
