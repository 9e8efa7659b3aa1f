import type { DraftRecord } from '../DocumentStore.ts';
import { toNumber, type DbInteger } from './columns.ts';

/** A row of `drafts`. */
export interface DraftRow {
  id: string;
  title: string;
  created_at: DbInteger;
  updated_at: DbInteger;
}

export const toDraftRecord = (row: DraftRow): DraftRecord => ({
  id: row.id,
  title: row.title,
  createdAt: toNumber(row.created_at),
  updatedAt: toNumber(row.updated_at),
});
