import { z } from 'zod/mini';
import type { FlagKind } from '../../shared/annotations/kinds.ts';
import type { ActivityEntryView } from '../../shared/api/annotationAnswers.ts';
import type { PatchFlagBody } from '../../shared/api/annotations.ts';
import { requestJson, requestNoContent } from './request.ts';

/**
 * Flag commands. The server writes every change into the draft's
 * `annotations` root type, so the editor sees the result live through Yjs;
 * these calls only say whether the command was accepted. Each rejects with an
 * ApiError (`validation_failed`, `invalid_anchor`, `forbidden`, `not_found`).
 */
const flagAnswerSchema = z.object({ flag: z.looseObject({ id: z.string() }) });
const anyAnswerSchema = z.unknown();

const base = (draftId: string) => `/api/docs/${encodeURIComponent(draftId)}/annotations`;
const flagPath = (draftId: string, flagId: string) => `${base(draftId)}/${encodeURIComponent(flagId)}`;

export interface NewFlag {
  kind: FlagKind;
  start: string;
  end: string;
  comment: string;
}

/** Resolves with the new flag's id. */
export async function createFlag(draftId: string, body: NewFlag): Promise<string> {
  const answer = await requestJson(base(draftId), flagAnswerSchema, { method: 'POST', body });
  return answer.flag.id;
}

export async function patchFlag(draftId: string, flagId: string, body: PatchFlagBody): Promise<void> {
  await requestJson(flagPath(draftId, flagId), anyAnswerSchema, { method: 'PATCH', body });
}

export async function addComment(draftId: string, flagId: string, text: string): Promise<void> {
  await requestJson(`${flagPath(draftId, flagId)}/comments`, anyAnswerSchema, { method: 'POST', body: { text } });
}

export async function editComment(draftId: string, flagId: string, commentId: string, text: string): Promise<void> {
  await requestJson(`${flagPath(draftId, flagId)}/comments/${encodeURIComponent(commentId)}`, anyAnswerSchema, {
    method: 'PATCH',
    body: { text },
  });
}

export async function deleteComment(draftId: string, flagId: string, commentId: string): Promise<void> {
  await requestNoContent(`${flagPath(draftId, flagId)}/comments/${encodeURIComponent(commentId)}`, { method: 'DELETE' });
}

export async function resolveFlag(draftId: string, flagId: string, note?: string): Promise<void> {
  await requestJson(`${flagPath(draftId, flagId)}/resolve`, anyAnswerSchema, { method: 'POST', body: note ? { note } : {} });
}

export async function reopenFlag(draftId: string, flagId: string): Promise<void> {
  await requestJson(`${flagPath(draftId, flagId)}/reopen`, anyAnswerSchema, { method: 'POST', body: {} });
}

/** The printable legal report (every flag, its quote and whole thread), opened in a new tab. */
export function legalReportUrl(draftId: string): string {
  return `${base(draftId)}?format=html`;
}

const personSchema = z.object({ id: z.string(), name: z.string() });
const activitySchema = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      by: z.nullable(personSchema),
      action: z.string(),
      flagId: z.nullable(z.string()),
      detail: z._default(z.record(z.string(), z.unknown()), {}),
      prevHash: z._default(z.nullable(z.string()), null),
      hash: z._default(z.nullable(z.string()), null),
    }),
  ),
});

/** The draft's activity log, newest first. */
export async function listActivity(draftId: string, signal?: AbortSignal): Promise<ActivityEntryView[]> {
  const answer = await requestJson(`/api/docs/${encodeURIComponent(draftId)}/activity`, activitySchema, { signal });
  return answer.entries;
}
