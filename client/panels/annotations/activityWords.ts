import { DESK_ACTIONS, type DeskAction, type FlagAction } from '../../../shared/annotations/activityActions.ts';
import { DESK_STATE_WORDS } from '../signoff/deskStateWords.ts';
import { shortQuote } from '../../ui/shortQuote.ts';

const FLAG_ACTION_WORDS: Readonly<Record<FlagAction, string>> = {
  created: 'flagged',
  commented: 'commented on',
  'comment-edited': 'edited a comment on',
  'comment-deleted': 'deleted a comment on',
  resolved: 'resolved',
  reopened: 'reopened',
  fields: 'updated the details of',
  assigned: 'assigned',
  'changed-after-clearance': 'changed cleared text of',
};

/** Desk actions: versions, restores, sign-offs, overrides, the lock and state moves (no flag). */
const DESK_ACTION_WORDS: Readonly<Record<DeskAction, string>> = {
  'version-saved': 'saved a version',
  'checkpoint-saved': 'made an automatic checkpoint',
  'version-restored': 'restored a version',
  'signed-off': 'signed off the draft',
  'signoff-override': 'signed off over',
  locked: 'locked the copy',
  unlocked: 'unlocked the copy',
  'state-changed': 'moved the draft',
};

const isKnown = <K extends string>(words: Readonly<Record<K, unknown>>, action: string): action is K => Object.hasOwn(words, action);

/**
 * What a desk entry's detail adds, in words: a version's name, the state a
 * draft moved to (as its badge names it), a sign-off's note, and the legal-risk flags an override
 * went over with its reason (its own entry, beside the sign-off's).
 */
export function deskDetail(action: string, detail: Record<string, unknown>): string {
  const text = (key: string) => (typeof detail[key] === 'string' && detail[key] !== '' ? (detail[key] as string) : null);
  switch (action) {
    case DESK_ACTIONS.versionSaved:
    case DESK_ACTIONS.checkpointSaved:
    case DESK_ACTIONS.versionRestored: {
      const name = text('name');
      return name ? `“${name}”` : '';
    }
    case DESK_ACTIONS.stateChanged: {
      const to = text('to');
      return to ? `to “${isKnown(DESK_STATE_WORDS, to) ? DESK_STATE_WORDS[to].label : to}”` : '';
    }
    case DESK_ACTIONS.signedOff: {
      const note = text('note');
      return note ? `with the note “${note}”` : '';
    }
    case DESK_ACTIONS.signoffOverride: {
      const flags = Array.isArray(detail.legalFlags) ? detail.legalFlags : [];
      const quotes = flags.flatMap((flag: unknown) =>
        typeof flag === 'object' && flag !== null && typeof (flag as { quote?: unknown }).quote === 'string'
          ? [`“${shortQuote((flag as { quote: string }).quote, ACTIVITY_QUOTE_CHARS)}”`]
          : [],
      );
      const what =
        quotes.length === 0
          ? 'open legal-risk flags'
          : `the open legal-risk flag${quotes.length === 1 ? '' : 's'} ${quotes.join(', ')}`;
      const reason = text('reason');
      return reason ? `${what}. Reason: ${reason}` : what;
    }
    default:
      return '';
  }
}

/** How much of a flag's quote an activity entry shows. */
export const ACTIVITY_QUOTE_CHARS = 60;

/** "commented on", "resolved": what an entry on a flag says after its author's name (and before the flag's quote). */
export const flagActionWords = (action: string): string =>
  isKnown(FLAG_ACTION_WORDS, action) ? FLAG_ACTION_WORDS[action] : action.replace(/-/g, ' ');

/** "saved a version", "signed off over": what a desk entry says after its author's name (and before its detail). */
export const deskActionWords = (action: string): string =>
  isKnown(DESK_ACTION_WORDS, action) ? DESK_ACTION_WORDS[action] : action.replace(/-/g, ' ');
