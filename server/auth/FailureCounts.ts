import { FailureLimiter, type FailureLimiterOptions } from './FailureLimiter.ts';

/**
 * Failed attempts per key (a username, a client address) over a sliding
 * window, wherever they are kept: in this process, or shared by every
 * instance of the server.
 */
export interface FailureCounts {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  /** Forgets `key`'s failures. */
  clear(key: string): Promise<void>;
}

/** Makes the counts of one kind of key (`scope`: what the key is, e.g. "username"). */
export type FailureCountsFactory = (scope: string, options: FailureLimiterOptions) => FailureCounts;

/** Counts kept in this process: one instance alone. */
export const localFailureCounts: FailureCountsFactory = (_scope, options) => {
  const limiter = new FailureLimiter(options);
  return {
    retryAfterMs: async (key) => limiter.retryAfterMs(key),
    recordFailure: async (key) => limiter.recordFailure(key),
    clear: async (key) => limiter.clear(key),
  };
};
