import * as Y from 'yjs';
import { canWriteRootType } from '../../shared/permissions/permissions.ts';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { encodeSavedFrame } from '../../shared/protocol/savedFrame.ts';
import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { CollabMetrics } from './CollabMetrics.ts';
import { ClientIdClaims } from './ClientIdClaims.ts';
import { judgeClientIds } from './clientOwnership.ts';
import { ClientWrite, type ClientWriteOutcomes } from './ClientWrite.ts';
import { applyStoredState, compactStoredDraft } from './storedState.ts';
import type { Connection } from './Connection.ts';
import { FANOUT_ORIGIN, localDraftLock, type Broadcaster, type DraftLock, type FanoutKind } from './fanout/Broadcaster.ts';
import { decodeFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdateFrame } from './protocol.ts';
import { RoomPresence, type PresenceLimits } from './RoomPresence.ts';
import type { PresentAccount } from './PresenceDirectory.ts';
import { StaleAppendError, type UpdateLog } from './UpdateLog.ts';
import { advanceKnownClocks, gateUpdate } from './updateGate.ts';
import { PendingRoots } from './PendingRoots.ts';
import { resolveWriteScope } from './writeScope.ts';
import { encodeBinaryWsFrame } from './wsFrame.ts';

export interface RoomLimits extends PresenceLimits {
  maxUpdateBytes: number;
  /** Fold the update log into a snapshot once this many updates follow the last one. */
  compactAfterUpdates: number;
}

export interface RoomDeps {
  store: DocumentStore;
  log: UpdateLog;
  limits: RoomLimits;
  logger: Logger;
  /** Called whenever the room may have become idle (no connection, no write, no compaction). */
  onMaybeIdle: (room: Room) => void;
  /**
   * Called after a client's update that changed the copy (`body`) is applied,
   * with the account that made it. Server-side rules that watch the copy
   * (flags changed after clearance) hang off this; it must not throw.
   */
  onCopyChanged?: (room: Room, author: Principal) => void;
  /** Called when the room's last connection has left (people may still be connected to other instances). */
  onLastLeave?: (room: Room) => void;
  /**
   * True while the copy is locked (a chief locked it on sign-off): every
   * client write to `body` is then refused. Read on each such update; keep it cheap.
   */
  isCopyLocked?: (room: Room) => boolean;
  /** Other instances holding the same draft; none when this instance is alone. */
  broadcaster?: Broadcaster;
  metrics?: CollabMetrics;
  compactionLock?: DraftLock;
}

export interface LoadedDraft {
  doc: Y.Doc;
  lastSeq: number;
  updatesSinceSnapshot: number;
  /** The stored snapshot, when `doc` holds exactly it (no updates after it): the whole draft, already encoded. */
  snapshot?: Uint8Array;
}

/** A state vector with no entries: the client holds nothing yet. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;

/** What an update has waited for before being judged again. */
interface JudgedAgain {
  hasCaughtUp?: boolean;
  hasAskedOwners?: boolean;
}
const FIRST_JUDGEMENT: JudgedAgain = Object.freeze({});

/** Transaction origin for changes the server itself makes (as opposed to a Connection). */
export const SERVER_ORIGIN = 'server';

/**
 * The live copy of one draft. Each incoming update goes through the same
 * steps, in this order: gate (a pure verdict) -> append (durable) -> apply to
 * the draft -> relay the client's own bytes to everyone else. Nothing is
 * visible to another client before it is stored, and nothing that failed the
 * gate is stored or applied.
 */
export class Room {
  readonly draftId: string;
  readonly doc: Y.Doc;
  readonly presence: RoomPresence;
  readonly connections = new Set<Connection>();

  /** The draft's state vector advanced by updates accepted but not yet applied. */
  private known: Map<number, number>;
  /** Root types of items accepted but not applied yet. */
  private readonly pendingRoots = new PendingRoots();
  private pendingWrites = 0;
  /** Commands holding the room open while they run (see RoomRegistry.withRoom). */
  private pins = 0;
  /** Server writes applied to the draft but not yet durable; sync answers wait for them. */
  private serverWritesInFlight = 0;
  private deferredSyncAnswers: Array<() => void> = [];
  /** Updates stored and waiting to be applied together (see queueApply). */
  private appliesDue: ClientWrite[] = [];
  /** How a client's write ends, shared by all of the room's writes. */
  private readonly writeOutcomes: ClientWriteOutcomes = {
    isCurrent: (write) => write.epoch === this.epoch,
    stored: (write) => this.clientWriteStored(write),
    failed: (write, error) => this.clientWriteFailed(write, error),
  };
  /** Bumped when a write fails: updates accepted in an older epoch are dropped, not applied. */
  private epoch = 0;
  private fanoutChain: Promise<void> = Promise.resolve();
  private catchingUp: Promise<void> | null = null;
  private updatesSinceSnapshot: number;
  private compaction: Promise<void> | null = null;
  /** The highest sequence number of this draft's stored updates that the live copy holds, all before it included. */
  private appliedThroughSeq: number;
  /** False once an update was stored but never applied: the live copy then lacks something the database holds. */
  private liveCopyHoldsAllStored = true;
  private isDestroyed = false;
  /** Who owns each Yjs client id of the draft (CS21). */
  private readonly clientIds: ClientIdClaims;
  /** Set when the live copy can no longer be trusted; it must not be written back. */
  private isBroken = false;
  private readonly logger: Logger;
  /**
   * The whole draft encoded as one update, for clients that hold nothing yet
   * (every fresh browser tab): encoded once, dropped on the next change.
   */
  private wholeDraft: Uint8Array | null;

  constructor(
    draftId: string,
    loaded: LoadedDraft,
    private readonly deps: RoomDeps,
  ) {
    this.draftId = draftId;
    this.doc = loaded.doc;
    this.updatesSinceSnapshot = loaded.updatesSinceSnapshot;
    this.appliedThroughSeq = loaded.lastSeq;
    this.wholeDraft = loaded.snapshot ?? null;
    // Not 'update': listening to that makes Yjs encode every transaction.
    this.doc.on('afterTransaction', () => {
      this.wholeDraft = null;
    });
    this.known = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    this.logger = deps.logger.child({ draftId });
    this.clientIds = new ClientIdClaims(() => deps.store.loadClientOwners(draftId));
    this.presence = new RoomPresence({
      draftId,
      doc: this.doc,
      limits: deps.limits,
      broadcastToAll: (frame) => this.broadcast(frame, null),
      refuse: (connection, code, reason) => this.refuse(connection, code, reason),
      ...(deps.broadcaster ? { broadcaster: deps.broadcaster } : {}),
    });
  }

  get destroyed(): boolean {
    return this.isDestroyed;
  }

  /** True when the room can leave memory: nobody connected, nothing being written or compacted. */
  get isIdle(): boolean {
    return this.connections.size === 0 && this.pendingWrites === 0 && this.pins === 0 && this.compaction === null;
  }

  attach(connection: Connection): void {
    this.connections.add(connection);
    connection.attach(
      (conn, frame) => this.receive(conn, frame),
      (conn) => this.detach(conn),
    );
    if (connection.closed) return;
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.greet(connection);
  }

  private detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.forget(connection);
    if (this.connections.size === 0) {
      void this.compact();
      this.notifyLastLeave();
    }
    this.deps.onMaybeIdle(this);
  }

  private receive(connection: Connection, bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    switch (frame.kind) {
      case 'sync-step1':
        if (this.serverWritesInFlight > 0) {
          // The draft holds a server write that is not durable yet: answer once it is (CS4).
          this.deferredSyncAnswers.push(() => this.answerSyncStep1(connection, frame.stateVector));
        } else {
          this.answerSyncStep1(connection, frame.stateVector);
        }
        return;
      case 'sync-step2':
        this.receiveUpdate(connection, frame.update, null);
        return;
      case 'sync-update':
        // The frame is already an update message: relay these very bytes.
        this.receiveUpdate(connection, frame.update, bytes);
        return;
      case 'awareness':
        this.presence.receive(connection, frame.update, bytes);
        return;
      case 'query-awareness':
        this.presence.greet(connection);
        return;
      case 'malformed':
        this.refuse(connection, CLOSE_CODES.malformedMessage, frame.reason);
        return;
    }
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let diff: Uint8Array;
    try {
      if (isEmptyStateVector(stateVector)) {
        this.wholeDraft ??= Y.encodeStateAsUpdate(this.doc);
        diff = this.wholeDraft;
      } else {
        diff = Y.encodeStateAsUpdate(this.doc, stateVector);
      }
    } catch {
      this.refuse(connection, CLOSE_CODES.malformedMessage, 'state vector does not decode');
      return;
    }
    connection.send(encodeSyncStep2(diff));
  }

  private receiveUpdate(
    connection: Connection,
    update: Uint8Array,
    updateFrame: Uint8Array | null,
    retry: JudgedAgain = FIRST_JUDGEMENT,
  ): void {
    const verdict = gateUpdate(update, this.known, this.deps.limits.maxUpdateBytes);
    if (!verdict.ok) {
      if (verdict.isMissingDependency && this.deps.broadcaster && !retry.hasCaughtUp) {
        // With peers, what it builds on may still be on its way: catch up, then judge again.
        this.judgeAgainAfter(this.catchUpFromStore(), connection, () =>
          this.receiveUpdate(connection, update, updateFrame, { ...retry, hasCaughtUp: true }),
        );
        return;
      }
      if (verdict.isMissingDependency && this.deps.broadcaster) {
        this.refuse(connection, CLOSE_CODES.draftUnavailable, 'this server has not caught up with the draft yet; reconnect');
        return;
      }
      this.refuse(connection, CLOSE_CODES.invalidUpdate, verdict.reason);
      return;
    }
    const scope = resolveWriteScope(verdict.structs, verdict.deleteSet, this.doc, this.pendingRoots);
    if (!scope.ok) {
      this.refuse(connection, CLOSE_CODES.invalidUpdate, scope.reason);
      return;
    }
    const { role } = connection.principal;
    for (const root of scope.roots) {
      if (!canWriteRootType(role, root)) {
        this.refuse(connection, CLOSE_CODES.forbidden, `[CS16] the ${role} role may not write "${root}"`);
        return;
      }
    }
    // A GC struct is deleted content of no traceable root type, yet storing it
    // claims that client's clocks: a reader sending GC structs for an editor's
    // next clocks would make the editor's in-flight and offline edits look
    // known and be dropped. Only a role that may write the copy may send them.
    if (this.bringsNewGcStructs(verdict.structs) && !canWriteRootType(role, ROOT_TYPES.body)) {
      this.refuse(connection, CLOSE_CODES.forbidden, `[CS16] the ${role} role may not write garbage-collected structs`);
      return;
    }
    if (scope.roots.includes(ROOT_TYPES.body) && this.deps.isCopyLocked?.(this)) {
      this.refuse(connection, CLOSE_CODES.forbidden, '[CS19] the copy is locked after sign-off');
      return;
    }
    const ownership = judgeClientIds({
      writes: verdict.clocks,
      known: this.known,
      owners: this.clientIds.owners,
      accountId: connection.principal.accountId,
      serverClientId: this.doc.clientID,
      hasAskedStore: retry.hasAskedOwners === true,
      isShared: this.deps.broadcaster !== undefined,
    });
    if (ownership.ok === 'ask-store') {
      this.judgeAgainAfter(this.clientIds.readStored(), connection, () =>
        this.receiveUpdate(connection, update, updateFrame, { ...retry, hasAskedOwners: true }),
      );
      return;
    }
    if (!ownership.ok) {
      this.refuse(connection, CLOSE_CODES.forbidden, `[CS21] ${ownership.reason}`);
      return;
    }
    this.clientIds.claim(ownership.claims);
    if (!verdict.hasNewStructs && !scope.hasEffectiveDeletes) {
      // Known is not yet stored: the write that brought it sends the ack when it lands.
      if (connection.wantsAck && verdict.clocks.size > 0 && this.isApplied(verdict.clocks)) {
        connection.send(encodeSavedFrame(verdict.clocks));
      }
      return;
    }
    // The write below keeps only the clocks: holding `verdict` would keep the decoded structs
    // alive until the write lands, for the young-generation collector to copy at every scavenge.
    const { clocks } = verdict;
    advanceKnownClocks(this.known, clocks);
    this.pendingRoots.add(scope.itemRanges);
    this.pendingWrites++;
    const claims = this.clientIds.toStore(clocks, connection.principal.accountId);
    this.deps.log.enqueue(
      new ClientWrite(this.writeOutcomes, this.draftId, connection, update, updateFrame, clocks, scope, this.epoch, claims),
    );
  }

  private clientWriteStored(write: ClientWrite): void {
    this.pendingWrites--;
    this.clientIds.stored(write.claims);
    if (write.epoch !== this.epoch || this.isDestroyed) {
      this.liveCopyHoldsAllStored = false;
      // An earlier write failed; this update may build on it. The client resends on reconnect.
      write.connection.close(CLOSE_CODES.storageFailed, 'an earlier write failed; reconnect to resync');
      this.deps.onMaybeIdle(this);
      return;
    }
    this.queueApply(write);
  }

  private clientWriteFailed(write: ClientWrite, error: unknown): void {
    this.pendingWrites--;
    if (error instanceof StaleAppendError) {
      write.connection.close(CLOSE_CODES.storageFailed, 'an earlier write failed; reconnect to resync');
    } else {
      this.failWrite(write.connection, error);
    }
    this.deps.onMaybeIdle(this);
  }

  /** Holds the connection's frames until `wait` settles, then runs `judge` (the same frame, judged again) and lets them go. */
  private judgeAgainAfter(wait: Promise<unknown>, connection: Connection, judge: () => void): void {
    connection.hold();
    void wait.then(
      () => {
        if (connection.closed || this.isDestroyed) return;
        judge();
        connection.release();
      },
      (error: unknown) => {
        this.logger.error({ err: error, connectionId: connection.id }, 'reading the draft to judge an update failed');
        connection.close(CLOSE_CODES.draftUnavailable, 'the draft could not be read; reconnect to resend');
      },
    );
  }

  /** True when some GC struct of the update lies beyond the known clocks of its client. */
  private bringsNewGcStructs(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): boolean {
    for (const s of structs) {
      if (s instanceof Y.GC && s.id.clock + s.length > (this.known.get(s.id.client) ?? 0)) return true;
    }
    return false;
  }

  /** True when the live draft already holds every client's structs up to `clocks`. */
  private isApplied(clocks: ReadonlyMap<number, number>): boolean {
    for (const [client, clock] of clocks) {
      if (Y.getState(this.doc.store, client) < clock) return false;
    }
    return true;
  }

  private notifyCopyChanged(author: Principal): void {
    try {
      this.deps.onCopyChanged?.(this, author);
    } catch (error) {
      this.logger.error({ err: error }, 'a copy-change watcher failed');
    }
  }

  private notifyLastLeave(): void {
    try {
      this.deps.onLastLeave?.(this);
    } catch (error) {
      this.logger.error({ err: error }, 'a last-leave watcher failed');
    }
  }

  /** Keeps the room in memory while `run` works on it. */
  async pinned<T>(run: (room: Room) => Promise<T>): Promise<T> {
    this.pins++;
    try {
      return await run(this);
    } finally {
      this.pins--;
      this.deps.onMaybeIdle(this);
    }
  }

  /**
   * Makes a change as the server (origin SERVER_ORIGIN), e.g. writing a flag
   * into `annotations`, which no client may write. Same promise as for a
   * client's update: it is stored before anyone sees it, then relayed to
   * every connection. Resolves once durable and relayed; if storing fails the
   * room breaks down (clients reload from storage, where the change is not)
   * and the promise rejects. A change that changes nothing resolves at once.
   */
  async writeAsServer(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.isDestroyed || this.isBroken) throw new Error('the draft is being reloaded; try again');
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) update = update ? Y.mergeUpdates([update, u]) : u;
    };
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
    } finally {
      this.doc.off('update', capture);
    }
    if (!update) return;
    const written: Uint8Array = update;
    const serverClient = this.doc.clientID;
    advanceKnownClocks(this.known, new Map([[serverClient, Y.getState(this.doc.store, serverClient)]]));
    this.pendingWrites++;
    this.serverWritesInFlight++;
    try {
      const seq = await this.deps.log.append(this.draftId, written);
      this.appliedThroughSeq = Math.max(this.appliedThroughSeq, seq);
      this.updatesSinceSnapshot++;
      this.broadcast(encodeUpdateFrame(written), null);
      this.deps.broadcaster?.publish(this.draftId, 'update', written);
    } catch (error) {
      this.breakDown(error);
      throw error;
    } finally {
      this.pendingWrites--;
      this.serverWritesInFlight--;
      if (this.serverWritesInFlight === 0) {
        const answers = this.deferredSyncAnswers;
        this.deferredSyncAnswers = [];
        for (const answer of answers) answer();
      }
      this.deps.onMaybeIdle(this);
    }
  }

  /**
   * Stored updates are applied in the order they were stored. The updates of
   * one stored batch resolve in one microtask checkpoint; applying them in one
   * Yjs transaction, rather than one each, is what lets a burst of thousands
   * of keystrokes be absorbed in a fraction of the time. Each is still relayed
   * as its sender's own bytes; each sender hears one `saved` frame for the
   * batch, with the highest clocks of its updates in it.
   */
  private queueApply(job: ClientWrite): void {
    this.appliesDue.push(job);
    if (this.appliesDue.length === 1) queueMicrotask(() => this.applyDue());
  }

  private applyDue(): void {
    const jobs = this.appliesDue.filter((job) => {
      if (job.epoch === this.epoch && !this.isDestroyed) return true;
      this.liveCopyHoldsAllStored = false;
      job.connection.close(CLOSE_CODES.storageFailed, 'an earlier write failed; reconnect to resync');
      return false;
    });
    this.appliesDue = [];
    const sender = jobs.every((job) => job.connection === jobs[0]?.connection) ? jobs[0]?.connection : null;
    try {
      this.doc.transact(() => {
        for (const job of jobs) Y.applyUpdate(this.doc, job.update);
      }, sender);
    } catch (error) {
      for (const job of jobs) this.pendingRoots.remove(job.scope.itemRanges);
      this.breakDown(error);
      return;
    }
    // Stored batches apply in the order they were stored, so the last job is the highest.
    if (jobs.length > 0) this.appliedThroughSeq = Math.max(this.appliedThroughSeq, jobs[jobs.length - 1]!.seq);
    let copyChangedBy: Principal | undefined;
    // A `saved` frame says "stored up to these clocks", so one per client covers all its updates of the batch.
    let acks: Map<Connection, Map<number, number>> | undefined;
    // Several updates for each client: write each one's frames in one go.
    const corked = jobs.length > 1 ? [...this.connections] : [];
    for (const connection of corked) connection.cork();
    try {
      for (const job of jobs) {
        this.pendingRoots.remove(job.scope.itemRanges);
        this.deps.metrics?.updateAccepted();
        this.updatesSinceSnapshot++;
        this.broadcast(job.updateFrame ?? encodeUpdateFrame(job.update), job.connection);
        this.deps.broadcaster?.publish(this.draftId, 'update', job.update);
        if (job.connection.wantsAck) {
          if (jobs.length === 1) {
            job.connection.send(encodeSavedFrame(job.clocks));
          } else {
            acks ??= new Map();
            let clocks = acks.get(job.connection);
            if (!clocks) acks.set(job.connection, (clocks = new Map()));
            advanceKnownClocks(clocks, job.clocks);
          }
        }
        if (job.scope.roots.includes(ROOT_TYPES.body)) {
          if (copyChangedBy && copyChangedBy !== job.connection.principal) this.notifyCopyChanged(copyChangedBy);
          copyChangedBy = job.connection.principal;
        }
      }
      if (acks) for (const [connection, clocks] of acks) connection.send(encodeSavedFrame(clocks));
    } finally {
      for (const connection of corked) connection.uncork();
    }
    if (copyChangedBy) this.notifyCopyChanged(copyChangedBy);
    if (this.updatesSinceSnapshot >= this.deps.limits.compactAfterUpdates) void this.compact();
    this.deps.onMaybeIdle(this);
  }

  /**
   * The gate passed an update that Yjs then refused: a bug, not a client's
   * fault. The live copy can no longer be trusted, so every client is sent
   * away (to reconnect and reload from storage) and the room leaves memory.
   */
  private breakDown(error: unknown): void {
    this.logger.error({ err: error }, 'applying a stored update failed; unloading the draft');
    this.isBroken = true;
    this.closeAll(CLOSE_CODES.draftUnavailable, 'the draft is being reloaded');
    this.deps.onMaybeIdle(this);
  }

  private failWrite(connection: Connection, error: unknown): void {
    this.logger.error({ err: error, connectionId: connection.id }, 'storing an update failed');
    this.epoch++;
    // Forget what was accepted but never stored: the draft stays as it is on disk.
    this.known = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    this.pendingRoots.clear();
    connection.close(CLOSE_CODES.storageFailed, 'the update could not be stored; reconnect to resend');
  }

  private broadcast(frame: Uint8Array, except: Connection | null): void {
    // Framed once for every recipient, and only if there is one.
    let wsFrame: Buffer | undefined;
    for (const connection of this.connections) {
      if (connection === except) continue;
      wsFrame ??= encodeBinaryWsFrame(frame);
      connection.sendFramed(wsFrame);
    }
  }

  private refuse(connection: Connection, code: number, reason: string): void {
    this.deps.metrics?.connectionRefused(code);
    this.logger.warn({ connectionId: connection.id, code, reason }, 'closing connection');
    connection.close(code, reason);
  }

  /**
   * Folds the stored updates into a snapshot. At most one compaction runs per
   * room, and one instance at a time compacts a draft (the lock). Never
   * throws; a failure leaves the log as it was and the next trigger tries again.
   *
   * Alone on its draft, this instance wrote every stored update itself and
   * applied each, in store order, once durable: the live copy then is the
   * stored draft through `appliedThroughSeq`, and encoding it saves reading
   * the log back and rebuilding the draft (most of a compaction's cost). With
   * other instances, the log may hold updates this one has not received yet,
   * and folding only what it has would drop them: the snapshot is built from
   * the database instead, as it is when the live copy may differ from what is
   * stored (a server write not yet durable, stored updates not applied yet or
   * never applied).
   */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction;
    if (this.isBroken || this.isDestroyed || this.updatesSinceSnapshot === 0) return Promise.resolve();
    const folded = this.updatesSinceSnapshot;
    let succeeded = false;
    this.compaction = (async () => {
      const release = await (this.deps.compactionLock ?? localDraftLock).acquire(this.draftId);
      if (!release) return;
      try {
        if (this.canFoldLiveCopy()) {
          // Read in one go: the snapshot and the sequence number it holds must match.
          this.wholeDraft ??= Y.encodeStateAsUpdate(this.doc);
          await this.deps.store.compactDraft(this.draftId, this.wholeDraft, this.appliedThroughSeq);
        } else if (!(await compactStoredDraft(this.deps.store, this.draftId))) {
          return;
        }
        this.updatesSinceSnapshot = Math.max(0, this.updatesSinceSnapshot - folded);
        succeeded = true;
      } finally {
        await release();
      }
    })()
      .catch((error: unknown) => this.logger.error({ err: error }, 'compaction failed'))
      .finally(() => {
        this.compaction = null;
        // Updates that arrived while this one ran may already call for the next.
        if (succeeded && this.updatesSinceSnapshot >= this.deps.limits.compactAfterUpdates) void this.compact();
        this.deps.onMaybeIdle(this);
      });
    return this.compaction;
  }

  /** True when the live copy holds exactly the draft's stored updates through `appliedThroughSeq` (see compact). */
  private canFoldLiveCopy(): boolean {
    return (
      this.deps.broadcaster === undefined &&
      this.liveCopyHoldsAllStored &&
      // Updates stored but not applied yet (a microtask away): appliedThroughSeq may already count a server write stored after them.
      this.appliesDue.length === 0 &&
      this.serverWritesInFlight === 0 &&
      !this.isBroken &&
      !this.isDestroyed
    );
  }

  /**
   * A message from another instance holding this draft. Updates arrive
   * already durable: they are applied (origin FANOUT_ORIGIN, never stored
   * again) and relayed to this instance's clients. One whose dependencies
   * have not reached this instance yet is not hostile: the room catches up
   * from the database first, then applies it. Messages are handled in order.
   */
  receiveFanout(kind: FanoutKind, payload: Uint8Array): void {
    if (kind === 'awareness') {
      this.presence.receiveFromPeer(payload);
      return;
    }
    this.fanoutChain = this.fanoutChain.then(async () => {
      if (this.isDestroyed) return;
      if (!this.applyFanoutUpdate(payload)) {
        await this.catchUpFromStore();
        if (!this.isDestroyed && !this.applyFanoutUpdate(payload)) {
          this.logger.warn('a fan-out update still misses dependencies after catching up; dropped');
        }
      }
    });
  }

  /** Applies a peer's update when everything it builds on is here; false when it is not. */
  private applyFanoutUpdate(update: Uint8Array): boolean {
    const verdict = gateUpdate(update, this.known, Number.MAX_SAFE_INTEGER);
    if (!verdict.ok) return false;
    if (!verdict.isNew) return true;
    Y.applyUpdate(this.doc, update, FANOUT_ORIGIN);
    advanceKnownClocks(this.known, verdict.clocks);
    this.updatesSinceSnapshot++;
    this.broadcast(encodeUpdateFrame(update), null);
    return true;
  }

  /**
   * Brings the live copy up to what the database holds (after a fan-out
   * outage, or a peer's update that arrived before its dependencies) and
   * relays what was missing to this instance's clients.
   */
  catchUpFromStore(): Promise<void> {
    this.catchingUp ??= (async () => {
      const stored = await this.deps.store.loadDraftState(this.draftId);
      if (!stored || this.isDestroyed) return;
      const before = Y.encodeStateVector(this.doc);
      applyStoredState(this.doc, stored, FANOUT_ORIGIN);
      advanceKnownClocks(this.known, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
      const missing = Y.encodeStateAsUpdate(this.doc, before);
      // An empty update is two zero bytes (no structs, no deletions).
      if (missing.byteLength > 2) this.broadcast(encodeUpdateFrame(missing), null);
    })()
      .catch((error: unknown) => this.logger.error({ err: error }, 'catching up from the database failed'))
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  /** People present, one per account with a connection here (several tabs count once), in arrival order. */
  presentUsers(): PresentAccount[] {
    return this.presence.presentUsers();
  }

  /** Closes every connection with `code` (they may reconnect elsewhere). */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    this.presence.destroy();
    this.doc.destroy();
  }
}
