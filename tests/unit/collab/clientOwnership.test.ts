import { describe, expect, it } from 'vitest';
import { judgeClientIds, type OwnershipFacts } from '../../../server/collab/clientOwnership.ts';

const ALICE = 'account-alice';
const BOB = 'account-bob';
const SERVER_CLIENT = 999;

/** Alice's update writing client 7 up to clock 10, in a room that knows nothing yet, on one instance. */
const facts = (overrides: Partial<OwnershipFacts> = {}): OwnershipFacts => ({
  writes: new Map([[7, 10]]),
  known: new Map(),
  owners: new Map(),
  accountId: ALICE,
  serverClientId: SERVER_CLIENT,
  hasAskedStore: false,
  isShared: false,
  ...overrides,
});

describe('judgeClientIds: who may write under which Yjs client id (CS21)', () => {
  it('a new client id is claimed for the account that first writes under it, without asking the store on one instance', () => {
    expect(judgeClientIds(facts())).toEqual({ ok: true, claims: [{ clientId: 7, accountId: ALICE }] });
  });

  it('its owner goes on writing under it; any other account is refused', () => {
    const owned = { owners: new Map([[7, ALICE]]), known: new Map([[7, 4]]) };
    expect(judgeClientIds(facts(owned))).toEqual({ ok: true, claims: [] });
    expect(judgeClientIds(facts({ ...owned, accountId: BOB }))).toEqual({ ok: false, reason: 'client id 7 belongs to another account' });
  });

  it('an update that brings nothing new under an id (a resent or known part) claims nothing and is not judged for it', () => {
    const verdict = judgeClientIds(facts({ accountId: BOB, owners: new Map([[7, ALICE]]), known: new Map([[7, 10]]) }));
    expect(verdict).toEqual({ ok: true, claims: [] });
  });

  it('an id with content here but no owner in memory (the room was loaded since) is looked up in the store first', () => {
    expect(judgeClientIds(facts({ known: new Map([[7, 4]]) }))).toEqual({ ok: 'ask-store' });
    // Content written before ids were claimed has no owner anywhere: the first to write more claims it.
    expect(judgeClientIds(facts({ known: new Map([[7, 4]]), hasAskedStore: true }))).toEqual({
      ok: true,
      claims: [{ clientId: 7, accountId: ALICE }],
    });
  });

  it('with several instances, even a new id is looked up: another instance may have had it claimed', () => {
    expect(judgeClientIds(facts({ isShared: true }))).toEqual({ ok: 'ask-store' });
    expect(judgeClientIds(facts({ isShared: true, hasAskedStore: true, owners: new Map([[7, BOB]]) }))).toEqual({
      ok: false,
      reason: 'client id 7 belongs to another account',
    });
  });

  it('nobody writes under the server’s own client id', () => {
    expect(judgeClientIds(facts({ writes: new Map([[SERVER_CLIENT, 3]]) }))).toEqual({ ok: false, reason: "client id 999 is the server's own" });
  });

  it('one refused id refuses the whole update, whatever else it claims', () => {
    const verdict = judgeClientIds(facts({ writes: new Map([[7, 10], [8, 2]]), owners: new Map([[8, BOB]]), known: new Map([[8, 1]]) }));
    expect(verdict).toEqual({ ok: false, reason: 'client id 8 belongs to another account' });
  });
});
