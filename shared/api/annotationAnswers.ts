import type { Flag, PersonRef } from '../annotations/types.ts';
import type { DeskState } from './versions.ts';

/**
 * Answers of the annotations, activity and inbox API. Flags travel as they are
 * stored in the draft (shared/annotations/types.ts) plus what only the live
 * copy can tell.
 */
export interface FlagView extends Flag {
  /** The span holds no copy any more (deleted); the flag keeps its `quote`. */
  isTextRemoved: boolean;
  /** The span's text now ('' when removed); compare with `clearedQuote` after a change. */
  currentText: string;
}

/** `GET /api/docs/:id/annotations`: flags in document order; removed ones last, oldest first. */
export interface FlagList {
  flags: FlagView[];
}

/** `POST`/`PATCH` on a flag or its comments. */
export interface FlagAnswer {
  flag: FlagView;
}

export interface ActivityEntryView {
  /** Increasing per server; pass the last one seen as `?before=` for the next page. */
  id: number;
  at: string;
  /** Who did it; null for the server itself. */
  by: PersonRef | null;
  /**
   * One of FLAG_ACTIONS (on a flag) or DESK_ACTIONS (flagId null), see
   * shared/annotations/activityActions.ts; a string on the wire, so a reader
   * still shows an entry a newer server logged.
   */
  action: string;
  flagId: string | null;
  detail: Record<string, unknown>;
  /** The hash chain: the previous entry's hash and this one's (null on entries older than the chain). */
  prevHash: string | null;
  hash: string | null;
}

/** `GET /api/docs/:id/activity`: newest first. */
export interface ActivityList {
  entries: ActivityEntryView[];
}

export const INBOX_KINDS = { mention: 'mention', assignment: 'assignment' } as const;
export type InboxKind = (typeof INBOX_KINDS)[keyof typeof INBOX_KINDS];

export interface InboxItemView {
  id: string;
  draftId: string;
  /** The draft's title now; '' when the draft is gone. */
  draftTitle: string;
  /** The draft's desk state now: a spiked story's flags need no more work. */
  draftState: DeskState;
  flagId: string;
  kind: InboxKind;
  by: PersonRef;
  at: string;
  excerpt: string;
  read: boolean;
}

/** `GET /api/inbox`: newest first. */
export interface InboxList {
  items: InboxItemView[];
  unread: number;
}
