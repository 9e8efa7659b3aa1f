import type { InboxItemView } from '../../../shared/api/annotationAnswers.ts';
import type { DeskState } from '../../../shared/api/versions.ts';
import type { InboxItem } from '../../storage/InboxStore.ts';

/** An inbox item as the API shows it, with its draft's title and desk state now. */
export function toInboxItemView(item: InboxItem, draft: { title: string; state: DeskState }): InboxItemView {
  return {
    id: item.id,
    draftId: item.draftId,
    draftTitle: draft.title,
    draftState: draft.state,
    flagId: item.flagId,
    kind: item.kind,
    by: { id: item.byId, name: item.byName },
    at: new Date(item.at).toISOString(),
    excerpt: item.excerpt,
    read: item.read,
  };
}
