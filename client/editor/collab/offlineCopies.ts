/**
 * Where a draft's offline copy lives: one IndexedDB database per account and
 * draft, so one person's unsent edits are never sent by the next person to
 * sign in on the same machine.
 */
export function offlineCopyName(accountId: string, draftId: string): string {
  return `copydesk:${accountId}:${draftId}`;
}

/**
 * The drafts this account has an offline copy of in this browser (the ones
 * that open with no network). Resolves undefined where the browser cannot
 * list its databases, so callers can tell "none" from "not known".
 */
export async function draftsWithOfflineCopy(accountId: string): Promise<Set<string> | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  try {
    const prefix = offlineCopyName(accountId, '');
    const databases = await indexedDB.databases();
    return new Set(databases.flatMap(({ name }) => (name?.startsWith(prefix) ? [name.slice(prefix.length)] : [])));
  } catch {
    return undefined;
  }
}
