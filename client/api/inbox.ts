import { z } from 'zod/mini';
import { INBOX_KINDS, type InboxList } from '../../shared/api/annotationAnswers.ts';
import { deskStateSchema } from '../../shared/api/versions.ts';
import { requestJson, requestNoContent } from './request.ts';

const inboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      draftId: z.string(),
      draftTitle: z.string(),
      // A state this build does not know, or an older server's answer without one, reads as a plain draft.
      draftState: z._default(z.catch(deskStateSchema, 'draft'), 'draft'),
      flagId: z.string(),
      kind: z.enum([INBOX_KINDS.mention, INBOX_KINDS.assignment]),
      by: z.object({ id: z.string(), name: z.string() }),
      at: z.string(),
      excerpt: z.string(),
      read: z.boolean(),
    }),
  ),
  unread: z.number(),
});

/** The signed-in person's mentions and assignments, newest first, with the unread count. */
export async function listInbox(signal?: AbortSignal): Promise<InboxList> {
  return requestJson('/api/inbox', inboxSchema, { signal });
}

export async function markInboxItemRead(id: string): Promise<void> {
  await requestNoContent(`/api/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export async function markInboxRead(): Promise<void> {
  await requestNoContent('/api/inbox/read-all', { method: 'POST' });
}
