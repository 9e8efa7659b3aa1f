/**
 * Each account's in-app inbox: mentions and assignments on flags. Items are
 * made by annotation commands and only ever marked read. Times are
 * milliseconds since the epoch, given by the caller.
 */
export interface NewInboxItem {
  /** Chosen by the caller (unique). */
  id: string;
  accountId: string;
  draftId: string;
  flagId: string;
  kind: 'mention' | 'assignment';
  byId: string;
  byName: string;
  at: number;
  excerpt: string;
}

export interface InboxItem extends NewInboxItem {
  read: boolean;
}

export interface InboxStore {
  /** Adds every item in one transaction. */
  addInboxItems(items: readonly NewInboxItem[]): Promise<void>;
  /** An account's items, newest first, at most `limit`. */
  listInboxItems(accountId: string, limit: number): Promise<InboxItem[]>;
  countUnread(accountId: string): Promise<number>;
  /** Resolves to false, changing nothing, unless the item exists and belongs to `accountId`. */
  markRead(accountId: string, itemId: string): Promise<boolean>;
  markAllRead(accountId: string): Promise<void>;
}
