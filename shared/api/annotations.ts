import { z } from 'zod';
import {
  CLAIM_STATES,
  FLAG_KIND_NAMES,
  LEGAL_CATEGORIES,
  LEGAL_DECISIONS,
  LEGAL_SEVERITIES,
  MAX_COMMENT_CHARS,
} from '../annotations/kinds.ts';

const anchorSchema = z.string().min(1).max(512);
export const commentTextSchema = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(MAX_COMMENT_CHARS, `a comment has at most ${MAX_COMMENT_CHARS} characters`);

export const flagKindSchema = z.enum(FLAG_KIND_NAMES);

/** `POST /api/docs/:id/annotations` */
export const createFlagBodySchema = z
  .object({
    kind: flagKindSchema,
    start: anchorSchema,
    end: anchorSchema,
    comment: commentTextSchema,
  })
  .strict();
export type CreateFlagBody = z.infer<typeof createFlagBodySchema>;

/** `POST /api/docs/:id/annotations/:aid/comments` and `PATCH …/comments/:cid` */
export const commentBodySchema = z.object({ text: commentTextSchema }).strict();

/** `POST …/resolve` (the legal decision or claim verification may come with it) and `POST …/reopen`. */
export const resolveFlagBodySchema = z.object({ note: z.string().trim().max(MAX_COMMENT_CHARS).optional() }).strict();

/** `PATCH /api/docs/:id/annotations/:aid`: the structured fields of each kind, and assignment. */
export const patchFlagBodySchema = z
  .object({
    claim: z
      .object({ verification: z.enum(CLAIM_STATES), evidence: z.string().trim().max(2000).optional() })
      .strict()
      .optional(),
    source: z.object({ attribution: z.string().trim().max(500) }).strict().optional(),
    legal: z
      .object({
        category: z.enum(LEGAL_CATEGORIES).optional(),
        severity: z.enum(LEGAL_SEVERITIES).optional(),
        decision: z.enum(LEGAL_DECISIONS).optional(),
      })
      .strict()
      .optional(),
    /** An account id, or null to unassign. */
    assigneeId: z.string().max(64).nullable().optional(),
    dueAt: z.iso.datetime().nullable().optional(),
  })
  .strict();
export type PatchFlagBody = z.infer<typeof patchFlagBodySchema>;
