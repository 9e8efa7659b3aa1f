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

/**
 * One client's pending ranges in clock order. Updates are accepted and
 * applied in order, so ranges are appended at the end and leave from the
 * front: both are O(1), and a lookup is a binary search. A burst of
 * thousands of updates in flight stays cheap (a scan per lookup made it
 * quadratic).
 */
class ClientRanges {
  private ranges: ItemRange[] = [];
  /** Index of the first range still pending; the ones before it have left. */
  private head = 0;

  get isEmpty(): boolean {
    return this.head === this.ranges.length;
  }

  add(range: ItemRange): void {
    let at = this.ranges.length;
    while (at > this.head && this.ranges[at - 1]!.clock > range.clock) at--;
    if (at === this.ranges.length) this.ranges.push(range);
    else this.ranges.splice(at, 0, range);
  }

  remove(range: ItemRange): void {
    if (this.ranges[this.head] === range) {
      this.head++;
      // Let the array shrink once most of it has left.
      if (this.head === this.ranges.length) {
        this.ranges = [];
        this.head = 0;
      } else if (this.head >= 1024 && this.head * 2 >= this.ranges.length) {
        this.ranges = this.ranges.slice(this.head);
        this.head = 0;
      }
      return;
    }
    const i = this.ranges.indexOf(range, this.head);
    if (i >= 0) this.ranges.splice(i, 1);
  }

  find(clock: number): ItemRange | undefined {
    // The last range starting at or before `clock`.
    let lo = this.head;
    let hi = this.ranges.length - 1;
    let candidate = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid]!.clock <= clock) {
        candidate = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (candidate < 0) return undefined;
    const range = this.ranges[candidate]!;
    if (clock < range.end) return range;
    // Ranges overlap only when a client re-sends structs still in flight: look further back.
    for (let i = candidate - 1; i >= this.head; i--) {
      const earlier = this.ranges[i]!;
      if (clock >= earlier.clock && clock < earlier.end) return earlier;
    }
    return undefined;
  }
}

export class PendingRoots {
  private readonly byClient = new Map<number, ClientRanges>();

  add(ranges: readonly ItemRange[]): void {
    for (const range of ranges) {
      let list = this.byClient.get(range.client);
      if (!list) this.byClient.set(range.client, (list = new ClientRanges()));
      list.add(range);
    }
  }

  /** Forgets ranges once their update is applied (the live draft then answers) or dropped. */
  remove(ranges: readonly ItemRange[]): void {
    for (const range of ranges) {
      const list = this.byClient.get(range.client);
      if (!list) continue;
      list.remove(range);
      if (list.isEmpty) this.byClient.delete(range.client);
    }
  }

  clear(): void {
    this.byClient.clear();
  }

  /** The pending range holding (client, clock); undefined when no pending update brings it. */
  findRange(client: number, clock: number): ItemRange | undefined {
    return this.byClient.get(client)?.find(clock);
  }

  /** The root of the pending item at (client, clock); undefined when no pending update brings it. */
  find(client: number, clock: number): string | null | undefined {
    return this.findRange(client, clock)?.root;
  }
}
