import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { AWARENESS_USER_FIELD } from '../../shared/protocol/awareness.ts';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import { encodeAwarenessEntries, gateAwareness, type AwarenessEntry } from './awarenessGate.ts';
import { AwarenessRate } from './awarenessRate.ts';
import type { Connection } from './Connection.ts';
import { FANOUT_ORIGIN, type Broadcaster } from './fanout/Broadcaster.ts';
import type { PresentAccount } from './PresenceDirectory.ts';
import { encodeAwarenessFrame } from './protocol.ts';

/** A stock provider sends one awareness message per caret move; fast typing stays well below this. */
export const DEFAULT_AWARENESS_PER_SECOND = 50;

export interface PresenceLimits {
  maxAwarenessEntries: number;
  maxAwarenessStateChars: number;
  /** Awareness messages one connection may have handled per second (CS20); default DEFAULT_AWARENESS_PER_SECOND. */
  maxAwarenessPerSecond?: number;
}

export interface RoomPresenceDeps {
  draftId: string;
  doc: Y.Doc;
  limits: PresenceLimits;
  /** Sends a frame to every connection of the room. */
  broadcastToAll: (frame: Uint8Array) => void;
  /** Closes a connection that sent something malformed. */
  refuse: (connection: Connection, code: number, reason: string) => void;
  /** Other instances holding the same draft; none when this instance is alone. */
  broadcaster?: Broadcaster;
}

/** A connection's awareness budget, and the newest message held back while it is spent. */
interface AwarenessThrottle {
  rate: AwarenessRate;
  /** The newest message over budget, gated and waiting to be applied. */
  held: (() => void) | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Who is in a draft right now, with their carets: the room's awareness. Each
 * state is owned by the connection that published it and speaks only for
 * that connection's account (CS7, CS17); each connection has an awareness
 * budget (CS20); a connection that leaves takes its states with it.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Connection>();
  private readonly throttles = new Map<Connection, AwarenessThrottle>();
  private isDestroyed = false;

  constructor(private readonly deps: RoomPresenceDeps) {
    this.awareness = new awarenessProtocol.Awareness(deps.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /** Tells a connection that just joined who is here. */
  greet(connection: Connection): void {
    const states = this.awareness.getStates();
    if (states.size > 0) {
      connection.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  /** A connection's awareness message: gated on arrival, applied within its budget. */
  receive(connection: Connection, update: Uint8Array, frame: Uint8Array): void {
    const verdict = this.gate(update);
    if (!verdict.ok) {
      this.deps.refuse(connection, CLOSE_CODES.malformedMessage, verdict.reason);
      return;
    }
    const { entries } = verdict;
    this.withinRate(connection, () => this.apply(connection, update, frame, entries));
  }

  /** Another instance's awareness message: already checked there, gated again for safety, relayed here. */
  receiveFromPeer(payload: Uint8Array): void {
    if (!this.gate(payload).ok) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FANOUT_ORIGIN);
    this.deps.broadcastToAll(encodeAwarenessFrame(payload));
  }

  /** A connection left: its states go, and everyone is told. */
  forget(connection: Connection): void {
    this.dropThrottle(connection);
    const ids = [...connection.awarenessClientIds].filter(
      (id) => this.owners.get(id) === connection && this.awareness.states.has(id),
    );
    if (ids.length === 0) return;
    for (const id of ids) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, connection);
    const removal = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    this.deps.broadcastToAll(encodeAwarenessFrame(removal));
    this.deps.broadcaster?.publish(this.deps.draftId, 'awareness', removal);
  }

  /** People present, one per account with a connection here (several tabs count once), in arrival order. */
  presentUsers(): PresentAccount[] {
    const people = new Map<string, PresentAccount>();
    for (const [clientId, owner] of this.owners) {
      const user = (this.awareness.getStates().get(clientId) as { user?: { color?: unknown } } | undefined)?.user;
      const { accountId, displayName, role } = owner.principal;
      if (people.has(accountId)) continue;
      people.set(accountId, { accountId, name: displayName, color: typeof user?.color === 'string' ? user.color : '#4a5568', role });
    }
    return [...people.values()];
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    for (const connection of [...this.throttles.keys()]) this.dropThrottle(connection);
    this.awareness.destroy();
  }

  private gate(update: Uint8Array) {
    return gateAwareness(update, {
      maxEntries: this.deps.limits.maxAwarenessEntries,
      maxStateChars: this.deps.limits.maxAwarenessStateChars,
    });
  }

  /**
   * Runs `apply` now if the connection is within its awareness budget (CS20);
   * otherwise keeps it as the connection's newest held message, run when the
   * budget refills (replacing any older held one). A flood costs the room one
   * message per second more than the budget, and a fast but honest client
   * still ends with its latest caret shown. The connection stays open: the
   * stock provider would treat a 44xx close as permanent.
   */
  private withinRate(connection: Connection, apply: () => void): void {
    let throttle = this.throttles.get(connection);
    if (!throttle) {
      const rate = new AwarenessRate(this.deps.limits.maxAwarenessPerSecond ?? DEFAULT_AWARENESS_PER_SECOND);
      throttle = { rate, held: null, timer: null };
      this.throttles.set(connection, throttle);
    }
    if (throttle.held === null && throttle.rate.take()) {
      apply();
      return;
    }
    throttle.held = apply;
    if (throttle.timer) return;
    const current = throttle;
    current.timer = setTimeout(() => {
      current.timer = null;
      const held = current.held;
      current.held = null;
      if (!held || connection.closed || this.isDestroyed || this.throttles.get(connection) !== current) return;
      this.withinRate(connection, held);
    }, current.rate.msUntilRefill() + 1);
    current.timer.unref();
  }

  private dropThrottle(connection: Connection): void {
    const throttle = this.throttles.get(connection);
    if (throttle?.timer) clearTimeout(throttle.timer);
    this.throttles.delete(connection);
  }

  /** Applies and relays the entries of a gated awareness message that this connection may publish. */
  private apply(connection: Connection, update: Uint8Array, frame: Uint8Array, entries: AwarenessEntry[]): void {
    const accepted = entries.filter((entry) => this.mayPublish(connection, entry));
    if (accepted.length === 0) return;
    // Usually the whole message is the sender's own: apply and relay its very bytes.
    const isWhole = accepted.length === entries.length;
    const own = isWhole ? update : encodeAwarenessEntries(accepted);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, own, connection);
    for (const { clientId, state } of accepted) {
      if (state === null) {
        this.owners.delete(clientId);
        connection.awarenessClientIds.delete(clientId);
      } else if (this.awareness.meta.has(clientId)) {
        // Only states the awareness took (it ignores stale clocks) are owned.
        this.owners.set(clientId, connection);
        connection.awarenessClientIds.add(clientId);
      }
    }
    // Everyone, the sender included: its own echo is what keeps an idle provider from timing out.
    this.deps.broadcastToAll(isWhole ? frame : encodeAwarenessFrame(own));
    this.deps.broadcaster?.publish(this.deps.draftId, 'awareness', own);
  }

  /**
   * Whether this connection may publish this awareness entry. The stock
   * provider re-sends every state it hears, so other clients' states arriving
   * from a connection are normal and are dropped without a fuss; what is
   * never accepted is a state owned by another connection, or one whose
   * `user` is not this connection's account (CS7, CS17).
   */
  private mayPublish(connection: Connection, { clientId, state }: AwarenessEntry): boolean {
    const owner = this.owners.get(clientId);
    if (owner && owner !== connection) return false;
    if (state === null) return owner === connection;
    const user = state[AWARENESS_USER_FIELD] as { id?: unknown; name?: unknown; role?: unknown } | undefined;
    if (!user) return true;
    const { accountId, displayName, role } = connection.principal;
    return user.id === accountId && user.name === displayName && (user.role === undefined || user.role === role);
  }
}
