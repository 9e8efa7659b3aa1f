import type { Awareness } from 'y-protocols/awareness';
import { AWARENESS_USER_FIELD, awarenessUserSchema } from '../../../shared/protocol/awareness.ts';
import { ValueStore } from './ValueStore.ts';

export interface Person {
  /** The Yjs client id of the tab; one person with two tabs appears twice. */
  clientId: number;
  name: string;
  color: string;
  /** The role the person's client announces (a known role name or anything else: show it only when known). */
  role: string | null;
  isSelf: boolean;
}

/**
 * The people in a draft right now, from awareness: this tab first, then the
 * others by name. Awareness is written by any client, so a state whose `user`
 * does not match the shared schema is left out rather than shown half-broken.
 */
export class PeopleTracker {
  readonly state: ValueStore<readonly Person[]>;

  constructor(private readonly awareness: Awareness) {
    this.state = new ValueStore(this.read());
    awareness.on('change', this.onChange);
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.state.clear();
  }

  private readonly onChange = (): void => {
    this.state.set(this.read(), samePeople);
  };

  private read(): Person[] {
    const people: Person[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const user = awarenessUserSchema.safeParse((state as Record<string, unknown>)[AWARENESS_USER_FIELD]);
      if (!user.success) continue;
      const { name, color, role } = user.data;
      people.push({ clientId, name, color, role: role ?? null, isSelf: clientId === this.awareness.clientID });
    }
    return people.sort(
      (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
    );
  }
}

function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return (
        p.clientId === q.clientId && p.name === q.name && p.color === q.color && p.role === q.role && p.isSelf === q.isSelf
      );
    })
  );
}
