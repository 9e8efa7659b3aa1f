/**
 * The root types of items that passed the gates but are not applied yet (their
 * write is in flight). A client that types fast sends its next update before
 * the previous one is applied, and that next update refers to the previous
 * one's items: their roots are found here, since the live draft lacks them.
 */
export interface ItemRange {
  client: number;
  /** First clock of the range. */
  clock: number;
  /** Clock just past the range. */
  end: number;
  /** The root type the items are written into, or null when they integrate as nothing (GC). */
  root: string | null;
}

export class PendingRoots {
  private readonly byClient = new Map<number, ItemRange[]>();

  add(ranges: readonly ItemRange[]): void {
    for (const range of ranges) {
      let list = this.byClient.get(range.client);
      if (!list) this.byClient.set(range.client, (list = []));
      list.push(range);
    }
  }

  /** Forgets ranges once their update is applied (the live draft then answers) or dropped. */
  remove(ranges: readonly ItemRange[]): void {
    for (const range of ranges) {
      const list = this.byClient.get(range.client);
      if (!list) continue;
      const i = list.indexOf(range);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byClient.delete(range.client);
    }
  }

  clear(): void {
    this.byClient.clear();
  }

  /** The pending range holding (client, clock); undefined when no pending update brings it. */
  findRange(client: number, clock: number): ItemRange | undefined {
    const list = this.byClient.get(client);
    if (!list) return undefined;
    return list.find((range) => clock >= range.clock && clock < range.end);
  }

  /** The root of the pending item at (client, clock); undefined when no pending update brings it. */
  find(client: number, clock: number): string | null | undefined {
    return this.findRange(client, clock)?.root;
  }
}
