import type { AccountSummary } from '../../shared/api/auth.ts';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import { colorForKey } from './userColor.ts';

/**
 * What this person publishes in a draft's awareness: the account's id, display
 * name and role (the server refuses any other id or name) and a colour derived
 * from the account id, so it is the same on every machine and survives renames.
 */
export function toAwarenessUser(account: AccountSummary): AwarenessUser {
  return { id: account.id, name: account.displayName, color: colorForKey(account.id), role: account.role };
}
