import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Where a latency tail comes from. A keystroke that takes 200 ms to arrive was
 * held up by the server (its event loop blocked: a long task, a slow commit)
 * or by the load generator (its own loop blocked, so it read the arrival
 * late). These read both over one measured window.
 */

/** What Copydesk's own `/metrics` says about the window since the last call. */
export interface ServerStalls {
  /** The longest the event loop was blocked (prom-client resets its monitor on each scrape). */
  loopLagMaxMs: number;
  /** Database write batches (one transaction each) over 50 ms: as scraped, the count since the server started; in a result, the window's. */
  writeBatchesOver50Ms: number;
}

/** Scrapes one instance's `/metrics`; the first call of a window also starts it (resets the loop-lag monitor). */
export async function readServerStalls(port: number): Promise<ServerStalls> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  const total = value(/^copydesk_write_batch_seconds_count (\S+)$/m);
  const upTo50 = value(/^copydesk_write_batch_seconds_bucket\{le="0\.05"\} (\S+)$/m);
  return {
    loopLagMaxMs: value(/^copydesk_process_nodejs_eventloop_lag_max_seconds (\S+)$/m) * 1000,
    writeBatchesOver50Ms: total - upTo50,
  };
}

/** The generator's own event loop over a window: `stop()` gives the longest it was blocked, in ms. */
export function watchGeneratorLoop(): { stop: () => number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      return histogram.max / 1e6;
    },
  };
}
