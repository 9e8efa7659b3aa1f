import { z } from 'zod/mini';
import {
  CLAIM_STATES,
  FLAG_KIND_NAMES,
  LEGAL_CATEGORIES,
  LEGAL_DECISIONS,
  LEGAL_SEVERITIES,
  MAX_COMMENT_CHARS,
} from '../annotations/kinds.ts';

const anchorSchema = z.string().check(z.minLength(1), z.maxLength(512));
/** Trimmed first, then measured: a comment of spaces is empty. */
export const commentTextSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'a comment cannot be empty'),
    z.maxLength(MAX_COMMENT_CHARS, `a comment has at most ${MAX_COMMENT_CHARS} characters`),
  );

export const flagKindSchema = z.enum(FLAG_KIND_NAMES);

/** `POST /api/docs/:id/annotations` */
export const createFlagBodySchema = z.strictObject({
  kind: flagKindSchema,
  start: anchorSchema,
  end: anchorSchema,
  comment: commentTextSchema,
});
export type CreateFlagBody = z.infer<typeof createFlagBodySchema>;

/** `POST /api/docs/:id/annotations/:aid/comments` and `PATCH …/comments/:cid` */
export const commentBodySchema = z.strictObject({ text: commentTextSchema });

/** `POST …/resolve` (the legal decision or claim verification may come with it) and `POST …/reopen`. */
export const resolveFlagBodySchema = z.strictObject({
  note: z.optional(z.string().check(z.trim(), z.maxLength(MAX_COMMENT_CHARS))),
});

/** `PATCH /api/docs/:id/annotations/:aid`: the structured fields of each kind, and assignment. */
export const patchFlagBodySchema = z.strictObject({
  claim: z.optional(
    z.strictObject({
      verification: z.enum(CLAIM_STATES),
      evidence: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    }),
  ),
  source: z.optional(z.strictObject({ attribution: z.string().check(z.trim(), z.maxLength(500)) })),
  legal: z.optional(
    z.strictObject({
      category: z.optional(z.enum(LEGAL_CATEGORIES)),
      severity: z.optional(z.enum(LEGAL_SEVERITIES)),
      decision: z.optional(z.enum(LEGAL_DECISIONS)),
    }),
  ),
  /** An account id, or null to unassign. */
  assigneeId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  dueAt: z.optional(z.nullable(z.iso.datetime())),
});
export type PatchFlagBody = z.infer<typeof patchFlagBodySchema>;
