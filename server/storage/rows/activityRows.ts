import type { ActivityEntry } from '../ActivityLog.ts';
import type { ChainRow } from '../activityChain.ts';
import { toNumber, type DbInteger } from './columns.ts';

/** A row of `activity`; `detail` is JSON text in both schemas, kept byte for byte. */
export interface ActivityRow {
  id: DbInteger;
  draft_id: string;
  at: DbInteger;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  flag_id: string | null;
  detail: string;
  prev_hash: string | null;
  hash: string | null;
}

export const toActivityEntry = (row: ActivityRow): ActivityEntry => ({
  id: toNumber(row.id),
  draftId: row.draft_id,
  at: toNumber(row.at),
  actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
  action: row.action,
  flagId: row.flag_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** The row as the hash chain checks it: `detail` stays the stored text, as it was hashed. */
export const toChainRow = (row: ActivityRow): ChainRow => ({
  id: toNumber(row.id),
  draftId: row.draft_id,
  at: toNumber(row.at),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  flagId: row.flag_id,
  detail: row.detail,
  prevHash: row.prev_hash,
  hash: row.hash,
});
