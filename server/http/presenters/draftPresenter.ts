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
    // Only what the list shows: who (by name), in which colour, in which role.
    present: present.map(({ name, color, role }) => ({ name, color, role })),
    state,
  };
}
