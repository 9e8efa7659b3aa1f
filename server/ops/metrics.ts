import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import type { CollabMetrics } from '../collab/CollabMetrics.ts';

const CLOSE_CODE_NAMES = new Map<number, string>(Object.entries(CLOSE_CODES).map(([name, code]) => [code, name]));

export interface MetricsSources {
  /** Open live-sync connections on this instance. */
  connections: () => number;
  /** Drafts held in memory on this instance. */
  draftsLoaded: () => number;
}

/**
 * The Prometheus metrics of one instance: process defaults, live
 * connections and drafts (read when scraped), updates accepted, connections
 * refused by reason, and the latency of each batched database write.
 */
export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'copydesk_process_' });
  new Gauge({
    name: 'copydesk_connections',
    help: 'Open live-sync connections',
    registers: [registry],
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: 'copydesk_drafts_loaded',
    help: 'Drafts held in memory',
    registers: [registry],
    collect() {
      this.set(sources.draftsLoaded());
    },
  });
  const updates = new Counter({ name: 'copydesk_updates_total', help: 'Client updates stored and applied', registers: [registry] });
  const refused = new Counter({
    name: 'copydesk_connections_refused_total',
    help: 'Connections closed for what they sent or may not do, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const writeSeconds = new Histogram({
    name: 'copydesk_write_batch_seconds',
    help: 'Time to store one batch of updates (one transaction)',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const writtenUpdates = new Counter({ name: 'copydesk_updates_written_total', help: 'Updates written to the database', registers: [registry] });

  const collab: CollabMetrics = {
    updateAccepted: () => updates.inc(),
    connectionRefused: (code) => refused.inc({ reason: CLOSE_CODE_NAMES.get(code) ?? String(code) }),
    batchWritten: (count, seconds) => {
      writeSeconds.observe(seconds);
      writtenUpdates.inc(count);
    },
  };
  return {
    collab,
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
