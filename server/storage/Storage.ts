import type { AccountStore } from './AccountStore.ts';
import type { ActivityLog } from './ActivityLog.ts';
import type { DocumentStore } from './DocumentStore.ts';
import type { InboxStore } from './InboxStore.ts';
import type { VersionStore } from './VersionStore.ts';

/** The stores of one backend, and how to release what they share. */
export interface Storage {
  store: DocumentStore;
  accounts: AccountStore;
  activity: ActivityLog;
  inbox: InboxStore;
  versions: VersionStore;
  /** Runs `work` so that no other instance on the same database runs it at the same time. */
  exclusively: <T>(work: () => Promise<T>) => Promise<T>;
  /** Closes the shared connection (SQLite) or pool (Postgres), after the stores. */
  close: () => Promise<void>;
}
