/**
 * What the live side reports for monitoring. The collab code only calls
 * these; an implementation (Prometheus, in server/ops) counts. Calls are on
 * the hot path: an implementation must do no I/O and allocate little.
 */
export interface CollabMetrics {
  /** A client's update was stored and applied. */
  updateAccepted(): void;
  /** A connection was closed for what it sent or may not do (the close code says why). */
  connectionRefused(code: number): void;
  /** One batch of appends was written: how many updates, in how many seconds. */
  batchWritten(updates: number, seconds: number): void;
}

export const noCollabMetrics: CollabMetrics = {
  updateAccepted() {},
  connectionRefused() {},
  batchWritten() {},
};
