import type { ActivityEntryView } from '../../../shared/api/annotationAnswers.ts';
import type { ActivityEntry } from '../../storage/ActivityLog.ts';

/** An activity entry as the API shows it. */
export function toActivityEntryView(entry: ActivityEntry): ActivityEntryView {
  return {
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    by: entry.actor,
    action: entry.action,
    flagId: entry.flagId,
    detail: entry.detail,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
