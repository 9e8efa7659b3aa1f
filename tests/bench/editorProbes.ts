/**
 * Probes the editor scenario runs inside the page. Each function is shipped
 * to Chromium as source (addInitScript / evaluate), so it must not close over
 * anything from this module: helpers are declared inside.
 *
 * "Painted" means: the frame that shows the change has been produced by the
 * main thread. A requestAnimationFrame callback runs just before the frame's
 * style, layout and paint; a MessageChannel message posted from it runs once
 * that frame is done (the "rAF + postMessage" technique). Tasks queued before
 * the message (a timer the keystroke set, a socket message) run first, so the
 * figure is an upper bound on the paint; the compositor's work after the main
 * thread hands the frame over is not included. The Event Timing API measures
 * to the presented frame, but reports nothing under 16 ms and rounds to 8 ms,
 * so it cannot tell 10 ms from 15 ms: its count of keys at 16 ms or more is
 * recorded alongside as a cross-check.
 */

/** What the probes record, on `window.__copydeskBench`. */
export interface BenchRecord {
  /** performance.now() when the latest WebSocket message reached the page (before the app's handler ran). */
  wsMessageAt: number;
  /** Milliseconds from navigation start until the draft's last words and its flags were painted. */
  openedMs?: number;
  /** Paths of the resources the page had finished fetching when it recorded openedMs (see editorBundle.ts). */
  fetchedAtOpen?: string[];
  /** Keystroke-to-paint per key, in order (NaN: the character never showed within a second). */
  keys: number[];
  /** Event Timing interactions of the typing (keydown/keypress/input) of 16 ms or more: their durations. */
  slowEventTimings: number[];
  /** Remote edits seen, by marker number: message-to-DOM and message-to-paint. */
  remote: Record<string, { applyMs: number; paintMs?: number }>;
}

export interface OpenExpectation {
  lastWords: string;
  flags: number;
}

/**
 * Init script, run in every new document before the app: counts WebSocket
 * message arrivals, and when the page is `/docs/<id>` of an expected draft,
 * records when its last words and all its flags (distinct data-flag-id) are
 * on screen.
 */
export function installPageProbes(expected: Record<string, OpenExpectation>): void {
  const record: BenchRecord = { wsMessageAt: 0, keys: [], slowEventTimings: [], remote: {} };
  (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench = record;

  // A listener added in the constructor runs before the provider's own `onmessage` (registration order).
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class ProbedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => {
        record.wsMessageAt = performance.now();
      });
    }
  };

  const draftId = /^\/docs\/([^/]+)/.exec(location.pathname)?.[1];
  const target = draftId ? expected[decodeURIComponent(draftId)] : undefined;
  if (!target) return;
  const isOpen = () => {
    const copy = document.querySelector('[aria-label="Draft copy"]');
    if (!copy?.lastElementChild?.textContent?.includes(target.lastWords)) return false;
    if (target.flags === 0) return true;
    const ids = new Set(Array.from(copy.querySelectorAll('[data-flag-id]'), (el) => el.getAttribute('data-flag-id')));
    return ids.size >= target.flags;
  };
  const check = () => {
    if (!isOpen()) {
      requestAnimationFrame(check);
      return;
    }
    // Inside a rAF callback: the message runs once this frame is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      record.openedMs = performance.now();
      record.fetchedAtOpen = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(check);
}

/**
 * Starts timing keystrokes typed into the `paragraphIndex`-th block of the
 * copy: from the keydown's own timestamp (when the browser received the key)
 * to the first frame painted after that block's text grew. Also collects
 * Event Timing entries of 16 ms or more (the API's floor; durations rounded
 * to 8 ms) as an independent check on the same keys.
 */
export function startKeystrokeProbe(paragraphIndex: number): void {
  const PROBE_EVENT = 'copydesk-bench-probe';
  const record = (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench;
  const copy = document.querySelector('[aria-label="Draft copy"]')!;
  const lengthNow = () => copy.children[paragraphIndex]?.textContent?.length ?? 0;
  window.addEventListener(
    'keydown',
    (event) => {
      const startedAt = event.timeStamp;
      const before = lengthNow();
      const onFrame = () => {
        if (lengthNow() > before) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            record.keys.push(performance.now() - startedAt);
            channel.port1.close();
            window.dispatchEvent(new Event(PROBE_EVENT));
          };
          channel.port2.postMessage(null);
        } else if (performance.now() - startedAt > 1000) {
          record.keys.push(Number.NaN);
          window.dispatchEvent(new Event(PROBE_EVENT));
        } else {
          requestAnimationFrame(onFrame);
        }
      };
      requestAnimationFrame(onFrame);
    },
    { capture: true },
  );
  const perInteraction = new Map<number, number>();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (!['keydown', 'keypress', 'keyup', 'beforeinput', 'input'].includes(entry.name) || entry.interactionId === 0) continue;
      perInteraction.set(entry.interactionId, Math.max(perInteraction.get(entry.interactionId) ?? 0, entry.duration));
      record.slowEventTimings = [...perInteraction.values()];
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
}

/**
 * Starts timing remote edits that insert `rmt<n>x` into the copy: from the
 * arrival of the WebSocket message that carried it to the DOM holding it
 * (the MutationObserver runs right after the message handler that applied
 * it), and to the next painted frame.
 */
export function startRemoteProbe(): void {
  const PROBE_EVENT = 'copydesk-bench-probe';
  const record = (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench;
  const copy = document.querySelector('[aria-label="Draft copy"]')!;
  new MutationObserver((mutations) => {
    const seenAt = performance.now();
    const arrivedAt = record.wsMessageAt;
    for (const mutation of mutations) {
      for (const match of (mutation.target.textContent ?? '').matchAll(/rmt(\d+)x/g)) {
        const key = match[1]!;
        if (record.remote[key]) continue;
        const entry: { applyMs: number; paintMs?: number } = { applyMs: seenAt - arrivedAt };
        record.remote[key] = entry;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            entry.paintMs = performance.now() - arrivedAt;
            channel.port1.close();
            window.dispatchEvent(new Event(PROBE_EVENT));
          };
          channel.port2.postMessage(null);
        });
      }
    }
  }).observe(copy, { childList: true, characterData: true, subtree: true });
}

/** Resolves once `count` keys are timed; it waits on the probes' event, so no polling task competes with the frames timed. */
export function whenKeysTimed(count: number): Promise<void> {
  const record = (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench;
  return new Promise((resolve) => {
    const check = () => {
      if (record.keys.length >= count) resolve();
      else window.addEventListener('copydesk-bench-probe', check, { once: true });
    };
    check();
  });
}

/** Resolves once remote edit `key` has been painted (see whenKeysTimed). */
export function whenRemotePainted(key: string): Promise<void> {
  const record = (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench;
  return new Promise((resolve) => {
    const check = () => {
      if (record.remote[key]?.paintMs !== undefined) resolve();
      else window.addEventListener('copydesk-bench-probe', check, { once: true });
    };
    check();
  });
}
