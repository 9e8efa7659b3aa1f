import type { DocumentStore, DraftRecord } from '../storage/DocumentStore.ts';
import { DEMO_DRAFT_TITLE, demoDraftState } from './demoDraft.ts';
import { newDraftId } from './draftId.ts';

/**
 * Gives an empty database one draft to try. Returns the new draft, or
 * undefined when the store already holds drafts (the demo is never re-seeded).
 */
export async function seedDemoDraft(store: DocumentStore): Promise<DraftRecord | undefined> {
  if ((await store.countDrafts()) > 0) return undefined;
  return store.createDraft({ id: newDraftId(), title: DEMO_DRAFT_TITLE, state: demoDraftState() });
}
