import { answerWithin } from '../answerWithin.ts';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { Connection } from './Connection.ts';
import { loadDraft } from './loadDraft.ts';
import type { Broadcaster, DraftLock, FanoutKind } from './fanout/Broadcaster.ts';
import { Room, type RoomDeps, type RoomLimits } from './Room.ts';
import type { UpdateLog } from './UpdateLog.ts';
import type { RoomPeople } from './PresenceDirectory.ts';

export interface RoomRegistryDeps {
  store: DocumentStore;
  log: UpdateLog;
  limits: RoomLimits;
  logger: Logger;
  onCopyChanged?: RoomDeps['onCopyChanged'];
  onLastLeave?: RoomDeps['onLastLeave'];
  isCopyLocked?: RoomDeps['isCopyLocked'];
  broadcaster?: Broadcaster;
  compactionLock?: DraftLock;
  metrics?: RoomDeps['metrics'];
}

/** How long a draft's load waits for its fan-out subscription to take effect before reading anyway. */
const SUBSCRIBE_WAIT_MS = 1000;

/**
 * The rooms this process holds. A draft is loaded once however many clients
 * join at the same moment (they await the same load), and leaves memory only
 * when its room is idle: no connection, no pending write, no compaction.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  private readonly loaded = new Map<string, Room>();

  constructor(private readonly deps: RoomRegistryDeps) {
    // After a fan-out outage every draft held here may have missed peers' updates.
    deps.broadcaster?.onReconnect(() => {
      for (const room of this.loaded.values()) void room.catchUpFromStore();
    });
  }

  /**
   * Attaches a connection to its draft's room, loading the draft if needed.
   * Resolves false when the draft does not exist; rejects with DraftLoadError
   * when it cannot be loaded (the next join tries again).
   */
  async join(connection: Connection): Promise<boolean> {
    for (;;) {
      const room = await this.acquire(connection.draftId);
      if (!room) return false;
      // The room may have unloaded between the load settling and this line.
      if (room.destroyed) continue;
      room.attach(connection);
      return true;
    }
  }

  /**
   * Runs `run` on the draft's room, loading it if nobody has it open and
   * keeping it in memory until `run` settles. Resolves undefined when the
   * draft does not exist; rejects with DraftLoadError when it cannot load.
   */
  async withRoom<T>(draftId: string, run: (room: Room) => Promise<T>): Promise<T | undefined> {
    for (;;) {
      const room = await this.acquire(draftId);
      if (!room) return undefined;
      if (room.destroyed) continue;
      return room.pinned(run);
    }
  }

  /** The loaded room of a draft, or undefined when nobody has it open here. */
  findRoom(draftId: string): Room | undefined {
    return this.loaded.get(draftId);
  }

  /** Each loaded room's draft and the people in it. */
  *peopleOfRooms(): Iterable<RoomPeople> {
    for (const room of this.loaded.values()) yield { draftId: room.draftId, people: room.presentUsers() };
  }

  get size(): number {
    return this.loaded.size;
  }

  private acquire(draftId: string): Promise<Room | undefined> {
    let pending = this.rooms.get(draftId);
    if (!pending) {
      pending = this.load(draftId);
      this.rooms.set(draftId, pending);
      // A missing or broken draft is not cached: the next join asks the store again.
      pending.then(
        (room) => room || this.rooms.delete(draftId),
        () => this.rooms.delete(draftId),
      );
    }
    return pending;
  }

  private async load(draftId: string): Promise<Room | undefined> {
    // Listen before reading: a peer's update stored after our read still reaches us.
    const early: Array<[FanoutKind, Uint8Array]> = [];
    const target: { room?: Room } = {};
    const subscribed = this.deps.broadcaster?.subscribe(draftId, (kind, payload) => {
      if (target.room) target.room.receiveFanout(kind, payload);
      else early.push([kind, payload]);
    });
    // Only once the subscription is in effect, or what a peer publishes meanwhile would go past
    // this instance unseen. If the fan-out is down or slow to confirm, the draft is read anyway
    // and read again (catch-up) once the subscription holds.
    const isSubscribedInTime =
      subscribed === undefined || (this.deps.broadcaster!.isConnected() && (await answerWithin(subscribed.then(() => true), SUBSCRIBE_WAIT_MS, false)));
    let loaded;
    try {
      loaded = await loadDraft(this.deps.store, draftId);
    } catch (error) {
      this.deps.broadcaster?.unsubscribe(draftId);
      throw error;
    }
    if (!loaded) {
      this.deps.broadcaster?.unsubscribe(draftId);
      return undefined;
    }
    const room = new Room(draftId, loaded, {
      ...this.deps,
      onMaybeIdle: (r) => this.unloadIfIdle(r),
    });
    target.room = room;
    for (const [kind, payload] of early) room.receiveFanout(kind, payload);
    if (!isSubscribedInTime) {
      void subscribed!.then(() => {
        if (!room.destroyed) void room.catchUpFromStore();
      });
    }
    this.loaded.set(draftId, room);
    this.deps.logger.debug({ draftId }, 'draft loaded');
    return room;
  }

  private unloadIfIdle(room: Room): void {
    if (!room.isIdle || room.destroyed) return;
    // Defer one turn: a client joining right now attaches before we decide.
    setImmediate(() => {
      if (!room.isIdle || room.destroyed) return;
      if (this.loaded.get(room.draftId) === room) {
        this.loaded.delete(room.draftId);
        this.rooms.delete(room.draftId);
        this.deps.broadcaster?.unsubscribe(room.draftId);
      }
      room.destroy();
      this.deps.logger.debug({ draftId: room.draftId }, 'draft unloaded');
    });
  }

  /** Closes every connection with `code`, waits for writes and compactions, and unloads every room. */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = [...this.loaded.values()];
    for (const room of rooms) room.closeAll(code, reason);
    await this.deps.log.drain();
    await Promise.all(rooms.map((room) => room.compact()));
    for (const room of rooms) {
      room.destroy();
      this.deps.broadcaster?.unsubscribe(room.draftId);
    }
    this.loaded.clear();
    this.rooms.clear();
  }
}
