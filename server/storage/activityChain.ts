import { createHash } from 'node:crypto';

/** The `prevHash` of a draft's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, as they are stored (detail as its stored JSON text). */
export interface ChainedFields {
  draftId: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  flagId: string | null;
  detail: string;
}

/**
 * sha256 hex over the previous entry's hash and this entry's canonical form
 * (a JSON array of its fields in a fixed order). Pure; both stores call it
 * inside their append transaction, after reading the draft's last hash, so
 * the chain is computed one entry at a time per draft.
 */
export function hashActivityEntry(prevHash: string, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.draftId,
    fields.at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.flagId,
    fields.detail,
  ]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

export interface ChainRow extends ChainedFields {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; brokenAt: number; entries: number };

/**
 * Checks a draft's entries, oldest first: each one's prevHash must be the
 * hash before it and its hash must match its fields. Entries written before
 * the chain existed (no hash at all) are accepted only as a leading run; a
 * row without a hash after a hashed one breaks the chain. `brokenAt` is the
 * id of the first entry that fails.
 */
export function verifyActivityChain(rows: readonly ChainRow[]): ChainVerdict {
  let prev: string | null = null;
  for (const row of rows) {
    if (row.hash === null && row.prevHash === null && prev === null) continue;
    const expectedPrev = prev ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev || row.hash !== hashActivityEntry(expectedPrev, row)) {
      return { ok: false, brokenAt: row.id, entries: rows.length };
    }
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}
