import type { Principal } from '../auth/principal.ts';
import type { Room } from '../collab/Room.ts';
import { DESK_STATES } from '../storage/VersionStore.ts';
import { deriveDeskState, mirrorDesk } from './deskState.ts';
import { readDesk, writeDesk } from './deskRecord.ts';
import { copyMatchesLatestVersion } from './latestVersionCopy.ts';
import { takeVersion } from './saveVersion.ts';
import type { VersionDeps } from './versionDeps.ts';

/** How long the copy must rest before a signed draft's state is checked against its sign-off. */
export const SIGNOFF_CHECK_DELAY_MS = 300;
/**
 * Watches client edits (the room's onCopyChanged hook, on the hot path: it
 * only arms timers) for two things:
 *
 * - Automatic checkpoints: the first edit after a version arms a timer of
 *   CHECKPOINT_AFTER_MS; when it fires a `checkpoint` version is taken, unless
 *   the latest version already holds this very copy. While
 *   edits are unsaved and the last person connected here leaves (the room's
 *   onLastLeave hook, `lastLeft`), a checkpoint is taken at once.
 * - "Changed since sign-off": after SIGNOFF_CHECK_DELAY_MS of rest, a signed
 *   draft's live copy is hashed and the `desk` root type says 'signed-off' or
 *   'changed-since-signoff' accordingly, live for everyone.
 */
export class VersionWatcher {
  private readonly checkpointTimers = new Map<string, NodeJS.Timeout>();
  private readonly signoffTimers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private isClosed = false;

  constructor(private readonly deps: VersionDeps) {}

  readonly copyChanged = (room: Room, _author: Principal): void => {
    if (this.isClosed) return;
    const draftId = room.draftId;
    if (!this.checkpointTimers.has(draftId)) {
      const due = setTimeout(() => this.run(draftId, () => this.checkpoint(draftId)), this.deps.checkpointAfterMs);
      due.unref();
      this.checkpointTimers.set(draftId, due);
      // The author may have left while the edit was being stored: nobody is left to trigger lastLeft.
      if (room.connections.size === 0) setImmediate(() => this.lastLeft(room));
    }
    clearTimeout(this.signoffTimers.get(draftId));
    const timer = setTimeout(() => {
      this.signoffTimers.delete(draftId);
      this.run(draftId, () => this.checkSignoff(draftId));
    }, SIGNOFF_CHECK_DELAY_MS);
    timer.unref();
    this.signoffTimers.set(draftId, timer);
  };

  /** The room's onLastLeave hook: the edits nobody has saved become a checkpoint now. */
  readonly lastLeft = (room: Room): void => {
    if (this.isClosed || !this.checkpointTimers.has(room.draftId)) return;
    this.run(room.draftId, () => this.checkpoint(room.draftId));
  };

  /** Stops every timer and waits for work under way; pending checkpoints are dropped. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const due of this.checkpointTimers.values()) clearTimeout(due);
    this.checkpointTimers.clear();
    for (const timer of this.signoffTimers.values()) clearTimeout(timer);
    this.signoffTimers.clear();
    await Promise.allSettled([...this.running]);
  }

  private run(draftId: string, work: () => Promise<void>): void {
    const job = work().catch((error: unknown) => {
      this.deps.logger.error({ err: error, draftId }, 'a version watcher job failed');
    });
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
  }

  private async checkpoint(draftId: string): Promise<void> {
    const due = this.checkpointTimers.get(draftId);
    if (!due) return;
    clearTimeout(due);
    this.checkpointTimers.delete(draftId);
    await this.deps.registry.withRoom(draftId, async (room) => {
      if (await copyMatchesLatestVersion(this.deps.versions, room)) return;
      await takeVersion(this.deps, room, { name: 'Checkpoint', kind: 'checkpoint', author: null });
    });
  }

  private async checkSignoff(draftId: string): Promise<void> {
    const room = this.deps.registry.findRoom(draftId);
    if (!room) return;
    await room.pinned(async () => {
      const desk = readDesk(room.doc);
      if (desk.state !== DESK_STATES.signedOff && desk.state !== DESK_STATES.changedSinceSignoff) return;
      const state = deriveDeskState(room, desk);
      if (state === desk.state) return;
      await room.writeAsServer((doc) => writeDesk(doc, { state }));
      await mirrorDesk(this.deps, room);
    });
  }
}
