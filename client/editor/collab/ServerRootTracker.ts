import type * as Y from 'yjs';
import { ValueStore } from './ValueStore.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs' own spelling of "any shared type"
type SharedType = Y.AbstractType<Y.YEvent<any>>;

/** How many transactions have touched each watched root type since the session opened. */
export type RootRevisions = Readonly<Record<string, number>>;

/**
 * Counts the transactions that touch some server-written root types (the
 * desk's `signoffs`, `versions`, …), whatever Yjs type the server keeps them
 * in. The panels read the records themselves over REST; this only tells them
 * when to read again, so a sign-off made by the chief shows for everyone in
 * the draft without a reload. A root that never changes stays at 0.
 */
export class ServerRootTracker {
  readonly state: ValueStore<RootRevisions>;
  private readonly names: readonly string[];

  constructor(
    private readonly doc: Y.Doc,
    names: readonly string[],
  ) {
    this.names = names;
    this.state = new ValueStore<RootRevisions>(Object.fromEntries(names.map((name) => [name, 0])));
    doc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.state.clear();
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    let touched: Set<string> | null = null;
    for (const type of transaction.changed.keys()) {
      const name = this.rootName(type);
      if (name !== undefined) (touched ??= new Set()).add(name);
    }
    if (!touched) return;
    const next = { ...this.state.get() };
    for (const name of touched) next[name] = (next[name] ?? 0) + 1;
    this.state.set(next);
  };

  /** The watched root name `type` lives under, or undefined. */
  private rootName(type: SharedType): string | undefined {
    let current: SharedType = type;
    while (current._item !== null) current = current._item.parent as SharedType;
    for (const name of this.names) if (this.doc.share.get(name) === current) return name;
    return undefined;
  }
}
