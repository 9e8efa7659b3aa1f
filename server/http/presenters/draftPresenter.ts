import type { DraftSummary, PresentPerson } from '../../../shared/api/drafts.ts';
import type { DraftRecord } from '../../storage/DocumentStore.ts';

/** The only shape of a draft that leaves the server. */
export function toDraftSummary(
  record: DraftRecord,
  present: PresentPerson[],
  state: DraftSummary['state'] = 'draft',
): DraftSummary {
  return {
    id: record.id,
    title: record.title,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    present,
    state,
  };
}
