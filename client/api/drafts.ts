import {
  draftSummarySchema,
  type CreateDraftBody,
  type DraftSummary,
  type ImportFormat,
} from '../../shared/api/drafts.ts';
import { z } from 'zod/mini';
import { deskStateSchema, type DeskState } from '../../shared/api/versions.ts';
import { requestJson } from './request.ts';

/** A draft in the list, with its desk state ('draft' when the server sends none). */
export type ListedDraft = DraftSummary & { state: DeskState; locked?: boolean };

/**
 * A draft summary as this page reads it. A state this build does not know
 * (a newer server's) reads as 'draft' rather than failing the whole answer:
 * a tab left open across a deploy keeps listing and opening drafts.
 */
export const readableDraftSchema = z.extend(draftSummarySchema, {
  state: z._default(z.catch(deskStateSchema, 'draft'), 'draft'),
});
export const listedDraftsSchema = z.object({
  drafts: z.array(z.extend(readableDraftSchema, { locked: z.optional(z.boolean()) })),
});
const draftAnswerSchema = z.object({ draft: readableDraftSchema });

/** All drafts (or those in one desk state), newest edit first, with who is in each right now. */
export async function listDrafts(signal?: AbortSignal, state?: DeskState): Promise<ListedDraft[]> {
  const path = state ? `/api/docs?${new URLSearchParams({ state })}` : '/api/docs';
  const answer = await requestJson(path, listedDraftsSchema, { signal });
  return answer.drafts;
}

/** One draft's summary; rejects with ApiError `not_found` (404) for an unknown id. */
export async function getDraft(id: string, signal?: AbortSignal): Promise<DraftSummary> {
  const answer = await requestJson(`/api/docs/${encodeURIComponent(id)}`, draftAnswerSchema, { signal });
  return answer.draft;
}

export async function createDraft(body: CreateDraftBody = {}): Promise<DraftSummary> {
  const answer = await requestJson('/api/docs', draftAnswerSchema, { method: 'POST', body });
  return answer.draft;
}

export async function renameDraft(id: string, title: string): Promise<DraftSummary> {
  const answer = await requestJson(`/api/docs/${encodeURIComponent(id)}`, draftAnswerSchema, {
    method: 'PATCH',
    body: { title },
  });
  return answer.draft;
}

export interface ImportFileOptions {
  format?: ImportFormat;
  title?: string;
}

/** Uploads a file as multipart/form-data; the server turns it into a new draft. */
export async function importDraftFile(file: File, options: ImportFileOptions = {}): Promise<DraftSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options.format) form.append('format', options.format);
  if (options.title) form.append('title', options.title);
  const answer = await requestJson('/api/docs/import', draftAnswerSchema, { method: 'POST', body: form });
  return answer.draft;
}
