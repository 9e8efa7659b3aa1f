import type { WebsocketProvider } from 'y-websocket';

/** How long one attempt may stay connecting (TCP, TLS, the upgrade) before it is dropped and tried again. */
export const CONNECT_TIMEOUT_MS = 15_000;

export interface ConnectTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserTimers: ConnectTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of the provider this needs. */
export type ConnectingProvider = Pick<WebsocketProvider, 'on' | 'off' | 'ws' | 'wsconnecting'>;

/**
 * Gives up on a connection attempt that neither opens nor fails: a network
 * that takes the connection and never answers (a captive portal, a dead
 * Wi-Fi link) leaves the socket connecting until the browser's own timeout,
 * minutes later, and edits wait on this device all that time. y-websocket
 * times out a silent open connection but not a connecting one. Closing the
 * socket makes the provider try again, with its usual backoff.
 * Returns the function that stops it.
 */
export function closeStalledConnects(
  provider: ConnectingProvider,
  timeoutMs: number = CONNECT_TIMEOUT_MS,
  timers: ConnectTimers = browserTimers,
): () => void {
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const onStatus = ({ status }: { status: string }) => {
    cancel();
    if (status !== 'connecting') return;
    const attempt = provider.ws;
    timer = timers.setTimeout(() => {
      timer = null;
      // Only this attempt, and only while it is still connecting.
      if (attempt && provider.ws === attempt && provider.wsconnecting) attempt.close();
    }, timeoutMs);
  };
  provider.on('status', onStatus);
  return () => {
    cancel();
    provider.off('status', onStatus);
  };
}
