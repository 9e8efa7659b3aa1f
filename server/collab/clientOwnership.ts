import type { ClientClaim } from '../storage/DocumentStore.ts';

/**
 * Whose Yjs client ids an update may write under.
 *
 * Yjs trusts that a client id is one writer's: a struct it already holds at
 * an id is taken to be the same struct. So an account writing the next clocks
 * of someone else's client id would have the real writer's next edits
 * dropped everywhere as already known, while the writer's tab counts them
 * saved. Each client id of a draft therefore belongs to the account that
 * first wrote it, and only that account may write more under it.
 */
export type OwnershipVerdict =
  | { ok: true; /** Client ids the update is the first to write, to be claimed for its author. */ claims: readonly ClientClaim[] }
  | { ok: false; reason: string }
  /** Some id the update writes is not owned as far as this room knows, yet may be: ask the store, then judge again. */
  | { ok: 'ask-store' };

export interface OwnershipFacts {
  /** Per client id, the clock just past the update's last struct (the gate's verdict). */
  writes: ReadonlyMap<number, number>;
  /** The clocks the room holds or has accepted. */
  known: ReadonlyMap<number, number>;
  /** Owners as far as the room knows. */
  owners: ReadonlyMap<number, string>;
  accountId: string;
  /** The room's own client id (server writes). */
  serverClientId: number;
  /** True once the owners have been read from the store since this update arrived. */
  hasAskedStore: boolean;
  /** Several instances share the draft: an id new here may have been claimed through another. */
  isShared: boolean;
}

/** The verdict on nearly every update (a writer typing under its own id), shared rather than made each time. */
const NOTHING_TO_CLAIM: OwnershipVerdict = Object.freeze({ ok: true, claims: Object.freeze([]) });

export function judgeClientIds(facts: OwnershipFacts): OwnershipVerdict {
  let claims: ClientClaim[] | undefined;
  for (const [clientId, clock] of facts.writes) {
    const knownClock = facts.known.get(clientId) ?? 0;
    if (clock <= knownClock) continue;
    if (clientId === facts.serverClientId) return { ok: false, reason: `client id ${clientId} is the server's own` };
    const owner = facts.owners.get(clientId);
    if (owner === facts.accountId) continue;
    if (owner !== undefined) return { ok: false, reason: `client id ${clientId} belongs to another account` };
    // An id with content here whose owner is not known (the room was loaded
    // since), or any new id when other instances may have seen it first.
    if (!facts.hasAskedStore && (knownClock > 0 || facts.isShared)) return { ok: 'ask-store' };
    // Content written before ids were claimed has no owner: the first to write more claims it.
    (claims ??= []).push({ clientId, accountId: facts.accountId });
  }
  return claims ? { ok: true, claims } : NOTHING_TO_CLAIM;
}
