import { z } from 'zod';
import { ROLE_NAMES } from '../permissions/permissions.ts';

export const roleSchema = z.enum(ROLE_NAMES);

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'a username is 2-32 characters: lower-case letters, digits, dot, dash, underscore');
export const MIN_PASSWORD_CHARS = 10;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_CHARS, `a password has at least ${MIN_PASSWORD_CHARS} characters`)
  .max(200);
export const displayNameSchema = z.string().trim().min(1).max(60);

/** Who is signed in: what `GET /api/session` answers and what awareness must match. */
export const accountSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const signInBodySchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();
export type SignInBody = z.infer<typeof signInBodySchema>;

export const sessionAnswerSchema = z.object({ account: accountSummarySchema });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

export const createTokenBodySchema = z.object({ name: z.string().trim().min(1).max(80).optional() }).strict();
export const tokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;
/** The secret is shown once, at creation; the server keeps only its hash. */
export const tokenCreatedSchema = tokenSummarySchema.extend({ token: z.string() });
export const tokenListSchema = z.object({ tokens: z.array(tokenSummarySchema) });

export const accountSchema = accountSummarySchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ accounts: z.array(accountSchema) });
export const accountAnswerSchema = z.object({ account: accountSchema });

export const createAccountBodySchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema.optional(),
    role: roleSchema,
    password: passwordSchema,
  })
  .strict();
export const patchAccountBodySchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();
