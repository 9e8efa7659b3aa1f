import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStalledConnects, type ConnectingProvider } from '../../../client/editor/collab/closeStalledConnects.ts';

const TIMEOUT_MS = 15_000;

/** The provider as the timeout sees it: status events, and the socket of the current attempt. */
function fakeProvider() {
  const listeners = new Set<(event: { status: string }) => void>();
  const provider = {
    ws: null as { close: () => void } | null,
    wsconnecting: false,
    on: (_name: string, listener: (event: { status: string }) => void) => listeners.add(listener),
    off: (_name: string, listener: (event: { status: string }) => void) => listeners.delete(listener),
  };
  const sockets: Array<{ close: ReturnType<typeof vi.fn> }> = [];
  const emit = (status: string) => listeners.forEach((listener) => listener({ status }));
  return {
    provider: provider as unknown as ConnectingProvider,
    sockets,
    listeners,
    /** The provider starts an attempt: a new socket, connecting. */
    attempt() {
      const socket = { close: vi.fn() };
      sockets.push(socket);
      provider.ws = socket;
      provider.wsconnecting = true;
      emit('connecting');
      return socket;
    },
    opened() {
      provider.wsconnecting = false;
      emit('connected');
    },
  };
}

describe('closeStalledConnects', () => {
  const timers = {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes an attempt still connecting after the timeout, so the provider tries again', () => {
    const fake = fakeProvider();
    closeStalledConnects(fake.provider, TIMEOUT_MS, timers);
    const socket = fake.attempt();
    vi.advanceTimersByTime(TIMEOUT_MS - 1);
    expect(socket.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(socket.close).toHaveBeenCalledOnce();
  });

  it('leaves an attempt that opened in time alone', () => {
    const fake = fakeProvider();
    closeStalledConnects(fake.provider, TIMEOUT_MS, timers);
    const socket = fake.attempt();
    vi.advanceTimersByTime(TIMEOUT_MS / 2);
    fake.opened();
    vi.advanceTimersByTime(TIMEOUT_MS * 2);
    expect(socket.close).not.toHaveBeenCalled();
  });

  it('times each attempt from its own start, and never closes an earlier one', () => {
    const fake = fakeProvider();
    closeStalledConnects(fake.provider, TIMEOUT_MS, timers);
    const first = fake.attempt();
    vi.advanceTimersByTime(TIMEOUT_MS / 2);
    // The first failed on its own; the provider's retry starts a second.
    const second = fake.attempt();
    vi.advanceTimersByTime(TIMEOUT_MS - 1);
    expect(first.close).not.toHaveBeenCalled();
    expect(second.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(second.close).toHaveBeenCalledOnce();
    expect(first.close).not.toHaveBeenCalled();
  });

  it('stops when told to', () => {
    const fake = fakeProvider();
    const stop = closeStalledConnects(fake.provider, TIMEOUT_MS, timers);
    const socket = fake.attempt();
    stop();
    vi.advanceTimersByTime(TIMEOUT_MS * 2);
    expect(socket.close).not.toHaveBeenCalled();
    expect(fake.listeners.size).toBe(0);
  });
});
