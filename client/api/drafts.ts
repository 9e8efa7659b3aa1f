import {
  draftAnswerSchema,
  draftListSchema,
  type CreateDraftBody,
  type DraftSummary,
  type ImportFormat,
} from '../../shared/api/drafts.ts';
import { requestJson } from './request.ts';

/** All drafts, newest edit first, with who is in each right now. */
export async function listDrafts(signal?: AbortSignal): Promise<DraftSummary[]> {
  const answer = await requestJson('/api/docs', draftListSchema, { signal });
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
