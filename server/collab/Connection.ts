import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import type { Principal } from '../auth/principal.ts';

/** Who a connection is. */
export interface ConnectionIdentity {
  /** For log lines only. */
  id: string;
  draftId: string;
  /** The signed-in account; every connection has one (the upgrade refuses anonymous sockets). */
  principal: Principal;
  /** The client asked for `saved` frames (`?ack=1`). */
  wantsAck: boolean;
}

/**
 * What every connection of an endpoint shares: its limits, and the set of
 * open connections, which a connection leaves when it closes. One object for
 * all of them, so an idle connection carries no copy of it.
 */
export interface ConnectionLimits {
  /** Frames arriving before the room is attached are held; past this many, the client is misbehaving. */
  maxQueuedFrames: number;
  /** Frames larger than this close the connection with 4413. */
  maxFrameBytes: number;
  /** Past this many bytes waiting in the socket's send buffer, the client is dropped as too slow. */
  maxBufferedBytes: number;
  /** The endpoint's open connections. */
  open: Set<Connection>;
}

export type FrameHandler = (connection: Connection, frame: Uint8Array) => void;
export type CloseHandler = (connection: Connection) => void;

// The socket's listeners are shared by every connection and find theirs on the
// socket: per-connection closures would cost each idle connection ~0.3 KiB.
const CONNECTION = Symbol('connection');
type OwnedSocket = WebSocket & { [CONNECTION]: Connection };
const connectionOf = (socket: WebSocket): Connection => (socket as OwnedSocket)[CONNECTION];

function onMessage(this: WebSocket, data: Buffer, isBinary: boolean) {
  connectionOf(this).receive(data, isBinary);
}
function onPong(this: WebSocket) {
  connectionOf(this).isAlive = true;
}
function onGone(this: WebSocket) {
  connectionOf(this).handleClosed();
}

/**
 * One client's WebSocket. It holds frames that arrive while its room is still
 * loading, hands them over in order once attached, and tracks which awareness
 * client ids it speaks for so they can be removed when it goes.
 */
export class Connection {
  readonly id: string;
  readonly draftId: string;
  readonly wantsAck: boolean;
  readonly principal: Principal;
  /** Awareness client ids this connection has published states for. */
  readonly awarenessClientIds = new Set<number>();
  isAlive = true;

  private queue: Uint8Array[] | null = [];
  private onFrame: FrameHandler | null = null;
  private onClose: CloseHandler | null = null;
  private isClosed = false;
  private isAttached = false;

  /**
   * @param transport the stream the WebSocket was upgraded on, which `ws`
   *   writes every frame to; kept to hold several frames for one write (see `cork`).
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly transport: Duplex,
    identity: ConnectionIdentity,
    private readonly options: ConnectionLimits,
  ) {
    this.id = identity.id;
    this.draftId = identity.draftId;
    this.wantsAck = identity.wantsAck;
    this.principal = identity.principal;
    options.open.add(this);
    socket.binaryType = 'nodebuffer';
    (socket as OwnedSocket)[CONNECTION] = this;
    socket.on('message', onMessage);
    socket.on('pong', onPong);
    socket.on('close', onGone);
    socket.on('error', onGone);
  }

  /**
   * Holds incoming frames (in order) until `release`: used while the room
   * catches up before judging one of this connection's updates.
   */
  hold(): void {
    if (this.queue === null) this.queue = [];
  }

  release(): void {
    const held = this.queue ?? [];
    this.queue = null;
    for (let i = 0; i < held.length; i++) {
      if (this.isClosed) return;
      this.onFrame?.(this, held[i]!);
      // A frame may have put the connection on hold again; the rest wait with it.
      const requeued = this.queue as Uint8Array[] | null;
      if (requeued !== null) {
        requeued.push(...held.slice(i + 1));
        return;
      }
    }
  }

  /** Starts delivering frames, the held ones first. */
  attach(onFrame: FrameHandler, onClose: CloseHandler): void {
    this.onFrame = onFrame;
    this.onClose = onClose;
    this.isAttached = true;
    if (this.isClosed) {
      // It went away while its draft was loading.
      onClose(this);
      return;
    }
    this.release();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  send(frame: Uint8Array): void {
    if (this.isReadyToSend()) this.socket.send(frame);
  }

  /**
   * Sends a message already framed by `encodeBinaryWsFrame`, straight to the
   * stream `ws` writes to. Ordered with `ws`'s own frames because, without
   * compression, `ws` writes each frame synchronously as it is sent.
   */
  sendFramed(wsFrame: Buffer): void {
    if (this.isReadyToSend()) this.transport.write(wsFrame);
  }

  /** Open, and keeping up: a client with too much unread is dropped rather than buffered for. */
  private isReadyToSend(): boolean {
    if (this.isClosed || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(CLOSE_CODES.tooSlow, 'client is not keeping up');
      return false;
    }
    return true;
  }

  /**
   * Holds the frames sent from now until `uncork` and writes them together:
   * one system call, often one TCP segment, instead of one each. Calls nest.
   */
  cork(): void {
    this.transport.cork();
  }

  uncork(): void {
    this.transport.uncork();
  }

  /** Closes with a code and a reason; further frames from this client are ignored. */
  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      // Reasons are limited to 123 bytes by the protocol.
      this.socket.close(code, reason.slice(0, 120));
    }
    this.handleClosed();
  }

  /** Sends a ping; a socket that did not answer the previous one is terminated. */
  heartbeat(): void {
    if (!this.isAlive) {
      this.socket.terminate();
      this.handleClosed();
      return;
    }
    this.isAlive = false;
    this.socket.ping();
  }

  /** Drops the socket without a closing handshake (shutdown paths). */
  terminate(): void {
    this.socket.terminate();
    this.handleClosed();
  }

  /** @internal the socket's message listener */
  receive(data: Buffer, isBinary: boolean): void {
    if (this.isClosed) return;
    this.isAlive = true;
    if (data.byteLength > this.options.maxFrameBytes) {
      this.close(CLOSE_CODES.messageTooLarge, `message larger than ${this.options.maxFrameBytes} bytes`);
      return;
    }
    if (!isBinary) {
      this.close(CLOSE_CODES.malformedMessage, 'text frames are not part of the protocol');
      return;
    }
    if (this.queue) {
      if (this.queue.length >= this.options.maxQueuedFrames) {
        this.close(CLOSE_CODES.malformedMessage, 'too many messages before the draft was ready');
        return;
      }
      this.queue.push(data);
      return;
    }
    this.onFrame?.(this, data);
  }

  /** @internal the socket's close and error listener */
  handleClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.options.open.delete(this);
    if (this.isAttached) this.onClose?.(this);
  }
}
