import { z } from 'zod';

/** Draft ids are server-made, URL-safe and short; anything else is refused at the edge. */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
export const draftIdSchema = z.string().regex(DRAFT_ID_PATTERN, 'not a draft id');

export const MAX_TITLE_CHARS = 200;
export const titleSchema = z
  .string()
  .trim()
  .min(1, 'a title cannot be empty')
  .max(MAX_TITLE_CHARS, `a title has at most ${MAX_TITLE_CHARS} characters`);

export const createDraftBodySchema = z.object({ title: titleSchema.optional() }).strict();
export type CreateDraftBody = z.infer<typeof createDraftBodySchema>;

export const patchDraftBodySchema = z.object({ title: titleSchema }).strict();
export type PatchDraftBody = z.infer<typeof patchDraftBodySchema>;

export const IMPORT_FORMATS = ['markdown', 'html', 'text'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** JSON form of an import; multipart uploads carry the same fields as `file`, `format`, `title`. */
export const importDraftBodySchema = z
  .object({
    content: z.string(),
    format: importFormatSchema.optional(),
    filename: z.string().max(255).optional(),
    title: titleSchema.optional(),
  })
  .strict();
export type ImportDraftBody = z.infer<typeof importDraftBodySchema>;

export const presentPersonSchema = z.object({ name: z.string(), color: z.string(), role: z.string().optional() });
export type PresentPerson = z.infer<typeof presentPersonSchema>;

export const draftSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  present: z.array(presentPersonSchema),
  /** The desk state (draft, in-review, legal-review, signed-off, changed-since-signoff). */
  state: z.enum(['draft', 'in-review', 'legal-review', 'signed-off', 'changed-since-signoff']),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftListSchema = z.object({ drafts: z.array(draftSummarySchema) });
export type DraftList = z.infer<typeof draftListSchema>;

export const draftAnswerSchema = z.object({ draft: draftSummarySchema });
export type DraftAnswer = z.infer<typeof draftAnswerSchema>;
