import type { ClientClaim } from '../storage/DocumentStore.ts';

/**
 * A room's record of whose Yjs client ids are whose (clientOwnership.ts says
 * why ids have owners): the owners known here, the claims made here that no
 * stored write has carried yet, and one read of the stored owners at a time.
 */
export class ClientIdClaims {
  private readonly known = new Map<number, string>();
  /** Claimed here and not yet known to be stored: every update written under such an id carries its claim until one lands. */
  private readonly unstored = new Set<number>();
  private reading: Promise<void> | null = null;

  constructor(private readonly loadStored: () => Promise<ReadonlyMap<number, string>>) {}

  /** Owners as far as this room knows. */
  get owners(): ReadonlyMap<number, string> {
    return this.known;
  }

  /** Takes ids at once, so a second account racing for the same id in this tick is refused. */
  claim(claims: readonly ClientClaim[]): void {
    for (const claim of claims) {
      this.known.set(claim.clientId, claim.accountId);
      this.unstored.add(claim.clientId);
    }
  }

  /** The claims an update written under `writes` carries: its author's not yet stored (a write that carried one may have failed). */
  toStore(writes: ReadonlyMap<number, number>, accountId: string): ClientClaim[] | undefined {
    if (this.unstored.size === 0) return undefined;
    let claims: ClientClaim[] | undefined;
    for (const clientId of writes.keys()) {
      if (this.unstored.has(clientId) && this.known.get(clientId) === accountId) (claims ??= []).push({ clientId, accountId });
    }
    return claims;
  }

  /** A write carrying `claims` is stored: they need not travel with later writes. */
  stored(claims: readonly ClientClaim[] | undefined): void {
    if (claims) for (const claim of claims) this.unstored.delete(claim.clientId);
  }

  /** Reads the draft's owners from the store into the room's (one read at a time). */
  readStored(): Promise<void> {
    this.reading ??= this.loadStored().then(
      (owners) => {
        this.reading = null;
        for (const [clientId, accountId] of owners) this.known.set(clientId, accountId);
      },
      (error: unknown) => {
        this.reading = null;
        throw error;
      },
    );
    return this.reading;
  }
}
