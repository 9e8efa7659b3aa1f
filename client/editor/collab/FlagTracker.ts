import * as Y from 'yjs';
import { FLAG_KIND_NAMES, FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { ValueStore } from './ValueStore.ts';

/**
 * The draft's flags, read live from the `annotations` root type (written by
 * the server only; the client never writes it). A burst of changes (a sync
 * step 2 bringing hundreds of flags, a command touching a flag's fields and
 * its events) is read once, on the next microtask, and only the flags it
 * touched are read again. The list is in no particular order: document
 * order is the editor's business (see FlagHighlights).
 */
export class FlagTracker {
  readonly state: ValueStore<readonly Flag[]>;
  private readonly map: Y.Map<unknown>;
  private readonly cache = new Map<string, Flag>();
  private dirty: Set<string> | 'all' = 'all';
  private isScheduled = false;
  private isDestroyed = false;

  constructor(doc: Y.Doc) {
    this.map = doc.getMap(ROOT_TYPES.annotations);
    this.state = new ValueStore<readonly Flag[]>([]);
    this.flush();
    this.map.observeDeep(this.onChange);
  }

  destroy(): void {
    this.isDestroyed = true;
    this.map.unobserveDeep(this.onChange);
    this.state.clear();
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (this.dirty !== 'all') {
      for (const event of events) {
        if (event.target === this.map && event instanceof Y.YMapEvent) {
          for (const key of event.keysChanged) this.dirty.add(key);
        } else {
          const key = event.path[0];
          if (typeof key === 'string') this.dirty.add(key);
          else this.dirty = 'all';
        }
        if (this.dirty === 'all') break;
      }
    }
    if (this.isScheduled) return;
    this.isScheduled = true;
    queueMicrotask(() => {
      this.isScheduled = false;
      if (!this.isDestroyed) this.flush();
    });
  };

  private flush(): void {
    const keys = this.dirty === 'all' ? [...this.cache.keys(), ...this.map.keys()] : [...this.dirty];
    this.dirty = new Set();
    for (const key of keys) {
      const flag = toFlag(key, this.map.get(key));
      if (flag) this.cache.set(key, flag);
      else this.cache.delete(key);
    }
    this.state.set([...this.cache.values()]);
  }
}

/**
 * One entry of the annotations map as a Flag, or undefined when it is not a
 * flag this client understands (missing anchors, unknown kind). Text fields
 * are rendered as text anyway; this only keeps a malformed entry from
 * breaking the panel.
 */
export function toFlag(id: string, value: unknown): Flag | undefined {
  const raw: unknown = value instanceof Y.Map ? value.toJSON() : value;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const data = raw as Partial<Flag> & Record<string, unknown>;
  if (typeof data.start !== 'string' || typeof data.end !== 'string') return undefined;
  if (!(FLAG_KIND_NAMES as readonly unknown[]).includes(data.kind)) return undefined;
  const person = (p: unknown) =>
    typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string'
      ? { id: String((p as { id?: unknown }).id ?? ''), name: (p as { name: string }).name }
      : undefined;
  return {
    ...(data as Flag),
    id,
    quote: typeof data.quote === 'string' ? data.quote : '',
    status: data.status === FLAG_STATUSES.resolved ? FLAG_STATUSES.resolved : FLAG_STATUSES.open,
    createdBy: person(data.createdBy) ?? { id: '', name: 'Someone' },
    createdAt: typeof data.createdAt === 'string' ? data.createdAt : '',
    resolvedBy: person(data.resolvedBy),
    assignee: person(data.assignee),
    comments: Array.isArray(data.comments) ? data.comments.filter((c) => typeof c === 'object' && c !== null) : [],
    events: Array.isArray(data.events) ? data.events.filter((e) => typeof e === 'object' && e !== null) : [],
  };
}
