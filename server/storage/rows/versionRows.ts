import type {
  DeskStateName,
  DeskStateRecord,
  OpenFlagRef,
  SignoffRecord,
  VersionKind,
  VersionMeta,
} from '../VersionStore.ts';
import { toBoolean, toNumber, type DbBoolean, type DbInteger } from './columns.ts';

/** A row of `versions`: `state` only when selected (`SELECT *`), not with VERSION_META_COLUMNS. */
export interface VersionRow {
  id: string;
  draft_id: string;
  name: string;
  kind: string;
  created_at: DbInteger;
  author_id: string | null;
  author_name: string | null;
  /** INTEGER in both schemas: a number from either driver. */
  word_count: number;
  /** BLOB / bytea: both drivers hand back a Buffer. */
  state?: Buffer;
}

/** A row of `signoffs`; `open_flags` is JSON text in both schemas. */
export interface SignoffRow {
  id: string;
  draft_id: string;
  version_id: string;
  hash: string;
  by_id: string;
  by_name: string;
  at: DbInteger;
  note: string;
  override: string | null;
  open_flags: string;
}

/** A row of `desk_states`. */
export interface DeskRow {
  draft_id: string;
  state: string;
  locked: DbBoolean;
  updated_at: DbInteger;
}

export const VERSION_META_COLUMNS = 'id, draft_id, name, kind, created_at, author_id, author_name, word_count';

export const toVersionMeta = (row: VersionRow): VersionMeta => ({
  id: row.id,
  draftId: row.draft_id,
  name: row.name,
  kind: row.kind as VersionKind,
  createdAt: toNumber(row.created_at),
  author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
  wordCount: row.word_count,
});

export const toSignoff = (row: SignoffRow): SignoffRecord => ({
  id: row.id,
  draftId: row.draft_id,
  versionId: row.version_id,
  hash: row.hash,
  by: { id: row.by_id, name: row.by_name },
  at: toNumber(row.at),
  note: row.note,
  override: row.override,
  openFlags: JSON.parse(row.open_flags) as OpenFlagRef[],
});

export const toDeskState = (row: DeskRow): DeskStateRecord => ({
  draftId: row.draft_id,
  state: row.state as DeskStateName,
  locked: toBoolean(row.locked),
  updatedAt: toNumber(row.updated_at),
});
