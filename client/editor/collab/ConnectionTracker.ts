import type { WebsocketProvider } from 'y-websocket';
import { isPermanentCloseCode } from '../../../shared/protocol/closeCodes.ts';
import { describePermanentClose, describeTransientClose, type CloseRemedy } from './closeReasons.ts';
import { ValueStore } from './ValueStore.ts';

export type ConnectionKind =
  /** First attempt, nothing heard from the server yet. */
  | 'connecting'
  /** Socket open and the document synced with the server. */
  | 'connected'
  /** Lost or failing; the provider keeps retrying with backoff. */
  | 'reconnecting'
  /** The browser says it has no network; edits stay on this device. */
  | 'offline'
  /** The server closed with a permanent code (4400-4499); no more retries. */
  | 'closed';

export interface ConnectionSnapshot {
  kind: ConnectionKind;
  /** Why, when there is something to say beyond the kind (a close reason). */
  detail: string | null;
  /** The close code of a 'closed' connection, or of the last transient close. */
  closeCode: number | null;
  /** Set for 'closed' only. */
  remedy: CloseRemedy | null;
}

/**
 * Folds the provider's events (`status`, `sync`, `connection-close`, `closed`)
 * and the browser's online/offline events into one connection state for the
 * pill. The order of checks matters: a permanent close wins over everything, a
 * browser that says it is offline wins over the provider's retry loop.
 */
export class ConnectionTracker {
  readonly state: ValueStore<ConnectionSnapshot>;
  private status: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private isSynced = false;
  private hasBeenSynced = false;
  private failedAttempts = 0;
  private lastCloseCode: number | null = null;
  private permanentClose: { code: number; reason: string } | null = null;
  private isBrowserOnline: boolean;

  constructor(private readonly provider: WebsocketProvider) {
    this.isBrowserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
    this.state = new ValueStore(this.derive());
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onConnectionClose);
    provider.on('closed', this.onClosed);
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
  }

  /** After a permanent close: try again (the provider only retries when asked). */
  retry(): void {
    this.permanentClose = null;
    this.update();
    this.provider.connect();
  }

  destroy(): void {
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onConnectionClose);
    this.provider.off('closed', this.onClosed);
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    this.state.clear();
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    this.status = status;
    this.update();
  };

  private readonly onSync = (isSynced: boolean): void => {
    this.isSynced = isSynced;
    if (isSynced) {
      this.hasBeenSynced = true;
      this.failedAttempts = 0;
      this.lastCloseCode = null;
    }
    this.update();
  };

  private readonly onConnectionClose = (event: CloseEvent | null): void => {
    this.isSynced = false;
    this.failedAttempts++;
    if (event) this.lastCloseCode = event.code;
    this.update();
  };

  private readonly onClosed = ({ code, reason }: { code: number; reason: string }): void => {
    if (isPermanentCloseCode(code)) this.permanentClose = { code, reason: reason ?? '' };
    this.update();
  };

  private readonly onBrowserOnline = (): void => {
    this.isBrowserOnline = true;
    // Skip the rest of the provider's backoff: the network is back now.
    if (!this.permanentClose && this.provider.ws === null) this.provider.connect();
    this.update();
  };

  private readonly onBrowserOffline = (): void => {
    this.isBrowserOnline = false;
    this.update();
  };

  private update(): void {
    this.state.set(
      this.derive(),
      (a, b) => a.kind === b.kind && a.detail === b.detail && a.closeCode === b.closeCode && a.remedy === b.remedy,
    );
  }

  private derive(): ConnectionSnapshot {
    if (this.permanentClose) {
      const { message, remedy } = describePermanentClose(this.permanentClose.code, this.permanentClose.reason);
      return { kind: 'closed', detail: message, closeCode: this.permanentClose.code, remedy };
    }
    if (!this.isBrowserOnline) {
      return { kind: 'offline', detail: 'Edits are kept on this device and sent when you are back online.', closeCode: null, remedy: null };
    }
    if (this.status === 'connected' && this.isSynced) {
      return { kind: 'connected', detail: null, closeCode: null, remedy: null };
    }
    const detail =
      (this.lastCloseCode === null ? null : describeTransientClose(this.lastCloseCode)) ??
      (this.failedAttempts > 0 ? 'Edits are kept on this device and sent when the server answers again.' : null);
    if (!this.hasBeenSynced && this.failedAttempts === 0) {
      return { kind: 'connecting', detail, closeCode: this.lastCloseCode, remedy: null };
    }
    return { kind: 'reconnecting', detail, closeCode: this.lastCloseCode, remedy: null };
  }
}
