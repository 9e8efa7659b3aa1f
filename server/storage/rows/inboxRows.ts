import type { InboxItem } from '../InboxStore.ts';
import { toBoolean, toNumber, type DbBoolean, type DbInteger } from './columns.ts';

/** A row of `inbox_items`. */
export interface InboxRow {
  id: string;
  account_id: string;
  draft_id: string;
  flag_id: string;
  kind: string;
  by_id: string;
  by_name: string;
  at: DbInteger;
  excerpt: string;
  read: DbBoolean;
}

export const toInboxItem = (row: InboxRow): InboxItem => ({
  id: row.id,
  accountId: row.account_id,
  draftId: row.draft_id,
  flagId: row.flag_id,
  kind: row.kind === 'assignment' ? 'assignment' : 'mention',
  byId: row.by_id,
  byName: row.by_name,
  at: toNumber(row.at),
  excerpt: row.excerpt,
  read: toBoolean(row.read),
});
