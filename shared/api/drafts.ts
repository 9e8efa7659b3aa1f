import { z } from 'zod/mini';
import { deskStateSchema } from './versions.ts';

/** Draft ids are server-made, URL-safe and short; anything else is refused at the edge. */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
export const draftIdSchema = z.string().check(z.regex(DRAFT_ID_PATTERN, 'not a draft id'));

export const MAX_TITLE_CHARS = 200;
/** Trimmed first, then measured: '   ' is empty, '  Title  ' is 'Title'. */
export const titleSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'a title cannot be empty'),
    z.maxLength(MAX_TITLE_CHARS, `a title has at most ${MAX_TITLE_CHARS} characters`),
  );

export const createDraftBodySchema = z.strictObject({ title: z.optional(titleSchema) });
export type CreateDraftBody = z.infer<typeof createDraftBodySchema>;

export const patchDraftBodySchema = z.strictObject({ title: titleSchema });
export type PatchDraftBody = z.infer<typeof patchDraftBodySchema>;

export const IMPORT_FORMATS = ['markdown', 'html', 'text'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** JSON form of an import; multipart uploads carry the same fields as `file`, `format`, `title`. */
export const importDraftBodySchema = z.strictObject({
  content: z.string(),
  format: z.optional(importFormatSchema),
  filename: z.optional(z.string().check(z.maxLength(255))),
  title: z.optional(titleSchema),
});
export type ImportDraftBody = z.infer<typeof importDraftBodySchema>;

export const presentPersonSchema = z.object({ name: z.string(), color: z.string(), role: z.optional(z.string()) });
export type PresentPerson = z.infer<typeof presentPersonSchema>;

export const draftSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  present: z.array(presentPersonSchema),
  /** The desk state (draft, in-review, legal-review, signed-off, changed-since-signoff, spiked). */
  state: deskStateSchema,
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftListSchema = z.object({ drafts: z.array(draftSummarySchema) });
export type DraftList = z.infer<typeof draftListSchema>;

export const draftAnswerSchema = z.object({ draft: draftSummarySchema });
export type DraftAnswer = z.infer<typeof draftAnswerSchema>;
