import { FLAG_KINDS, FLAG_STATUSES } from '../../shared/annotations/kinds.ts';
import type { PersonRef } from '../../shared/annotations/types.ts';
import type { Principal } from '../auth/principal.ts';
import { localDraftLock, type DraftLock } from '../collab/fanout/Broadcaster.ts';
import type { Room } from '../collab/Room.ts';
import { personOf, type AnnotationDeps } from './annotationDeps.ts';
import { readDraftText, spanOf, textOf } from './draftText.ts';
import { annotationsOf, readFlag } from './flagRecord.ts';
import { appendEvent, setFlagFields } from './flagWrites.ts';

/** How long a draft's copy must rest before its cleared legal flags are checked again. */
export const CLEARANCE_CHECK_DELAY_MS = 300;
/**
 * Times a check waits for another instance's check of the same draft (each
 * takes milliseconds) before it runs regardless: with Redis unreachable, a
 * flag reopened twice is better than one never reopened.
 */
const LOCK_ATTEMPTS = 5;

interface Reopened {
  flagId: string;
  before: string;
  after: string;
}

/**
 * Changed after clearance: when the copy inside a resolved legal-risk flag
 * changes, the flag reopens with a `changed-after-clearance` event naming who
 * changed it and the text before and after. Legal never signs off words they
 * did not read.
 *
 * `copyChanged` is the room's onCopyChanged hook, on the hot path of every
 * keystroke: it only records the author and (re)arms a per-draft timer. The
 * check runs once the draft has rested CLEARANCE_CHECK_DELAY_MS, off that
 * path, and compares each cleared span's text now with its `clearedQuote`.
 *
 * With several instances, each one watches its own clients' edits, and two
 * editors on two instances changing a cleared span together would each have
 * their instance reopen the flag. The check therefore runs under a lock per
 * draft shared by the instances, on the copy as the database holds it (so
 * that it sees a reopening the other instance has just stored).
 */
export class ClearanceWatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Who changed the copy since the last check, per draft, latest last. */
  private readonly authors = new Map<string, PersonRef[]>();
  private readonly running = new Set<Promise<void>>();
  /** Checks of a draft that found the lock held, in a row. */
  private readonly lockMisses = new Map<string, number>();
  private isClosed = false;

  /** `lock`: the instances' shared lock, when there are several; none when this instance is alone. */
  constructor(
    private readonly deps: AnnotationDeps,
    private readonly lock?: DraftLock,
  ) {}

  readonly copyChanged = (room: Room, author: Principal): void => {
    if (this.isClosed) return;
    const draftId = room.draftId;
    this.noteAuthor(draftId, personOf(author));
    this.arm(draftId);
  };

  private noteAuthor(draftId: string, person: PersonRef): void {
    const people = this.authors.get(draftId) ?? [];
    if (!people.some((p) => p.id === person.id)) people.push(person);
    this.authors.set(draftId, people);
  }

  /** (Re)starts the draft's rest timer. */
  private arm(draftId: string): void {
    clearTimeout(this.timers.get(draftId));
    const timer = setTimeout(() => this.runCheck(draftId), CLEARANCE_CHECK_DELAY_MS);
    timer.unref();
    this.timers.set(draftId, timer);
  }

  /** Stops the timers and waits for checks under way; pending checks are dropped. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private runCheck(draftId: string): void {
    this.timers.delete(draftId);
    const authors = this.authors.get(draftId) ?? [];
    this.authors.delete(draftId);
    const check = this.check(draftId, authors).catch((error: unknown) => {
      this.deps.logger.error({ err: error, draftId }, 'checking cleared legal flags failed');
    });
    this.running.add(check);
    void check.finally(() => this.running.delete(check));
  }

  private async check(draftId: string, authors: PersonRef[]): Promise<void> {
    const misses = this.lockMisses.get(draftId) ?? 0;
    const release = await (this.lock ?? localDraftLock).acquire(draftId);
    if (!release && misses + 1 < LOCK_ATTEMPTS) {
      // Another instance is checking this draft: look again once it has (it may have reopened the flag).
      this.lockMisses.set(draftId, misses + 1);
      if (!this.isClosed) {
        for (const person of authors) this.noteAuthor(draftId, person);
        if (!this.timers.has(draftId)) this.arm(draftId);
      }
      return;
    }
    this.lockMisses.delete(draftId);
    try {
      await this.reopenChanged(draftId, authors);
    } finally {
      await release?.();
    }
  }

  private async reopenChanged(draftId: string, authors: PersonRef[]): Promise<void> {
    const changedBy = authors.length > 0 ? authors[authors.length - 1]! : null;
    const note = authors.length > 0 ? `copy changed by ${authors.map((a) => a.name).join(', ')}` : 'copy changed';
    await this.deps.registry.withRoom(draftId, async (room) => {
      // Another instance may have just stored a reopening that has not reached this one yet.
      if (this.lock) await room.catchUpFromStore();
      const reopened: Reopened[] = [];
      await room.writeAsServer((doc) => {
        const cleared = [...annotationsOf(doc).values()].filter(
          (map) => map.get('kind') === FLAG_KINDS.legalRisk && map.get('status') === FLAG_STATUSES.resolved,
        );
        if (cleared.length === 0) return;
        const text = readDraftText(doc);
        const at = new Date(this.deps.now()).toISOString();
        for (const map of cleared) {
          const flag = readFlag(map);
          const after = textOf(text, spanOf(text, flag.start, flag.end));
          const before = flag.clearedQuote ?? flag.quote;
          if (after === before) continue;
          setFlagFields(map, { status: FLAG_STATUSES.open, resolvedBy: undefined, resolvedAt: undefined });
          appendEvent(map, { at, by: changedBy, action: 'changed-after-clearance', note, before, after });
          reopened.push({ flagId: flag.id, before, after });
        }
      });
      for (const change of reopened) {
        await this.deps.activity.appendActivity({
          draftId,
          at: this.deps.now(),
          actor: changedBy,
          action: 'changed-after-clearance',
          flagId: change.flagId,
          detail: { changedBy: authors, before: change.before, after: change.after },
        });
      }
    });
  }
}
