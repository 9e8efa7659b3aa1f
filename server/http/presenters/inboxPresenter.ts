import type { InboxItemView } from '../../../shared/api/annotationAnswers.ts';
import type { InboxItem } from '../../storage/InboxStore.ts';

/** An inbox item as the API shows it, with its draft's title now. */
export function toInboxItemView(item: InboxItem, draftTitle: string): InboxItemView {
  return {
    id: item.id,
    draftId: item.draftId,
    draftTitle,
    flagId: item.flagId,
    kind: item.kind,
    by: { id: item.byId, name: item.byName },
    at: new Date(item.at).toISOString(),
    excerpt: item.excerpt,
    read: item.read,
  };
}
