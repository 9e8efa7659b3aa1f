import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * The last edits of a page that went away, kept in localStorage until the
 * offline copy holds them.
 *
 * A page being unloaded has its unfinished IndexedDB transactions aborted
 * (the spec's forced close), so the batch a leaving page writes can be lost
 * when the browser is slow to commit it: a reload offline then opens without
 * the words typed last. localStorage is written synchronously, so what is put
 * here on the way out is there when the draft opens next.
 *
 * Kept merged, one entry per offline copy; applying it twice changes nothing,
 * so it is cleared only once the copy is known to hold it.
 */
const stashKey = (copyName: string) => `copydesk.exitStash:${copyName}`;

/** Past this, a batch is not stashed, nor added to a stash: localStorage is small and shared by the origin. */
export const EXIT_STASH_LIMIT_BYTES = 256 * 1024;

/** Adds `update` to the stash. Returns the stash as written, or null when it could not be. */
export function stashOnExit(copyName: string, update: Uint8Array): string | null {
  if (update.length > EXIT_STASH_LIMIT_BYTES) return null;
  try {
    const earlier = readStash(copyName);
    const merged = earlier ? Y.mergeUpdates([earlier, update]) : update;
    if (merged.length > EXIT_STASH_LIMIT_BYTES) return null;
    const value = toBase64(merged);
    localStorage.setItem(stashKey(copyName), value);
    return value;
  } catch {
    // Storage full or blocked: the IndexedDB write on the way out is all there is.
    return null;
  }
}

/** What is stashed for this copy (null when nothing is). Throws when what is there is not base64. */
export function readStash(copyName: string): Uint8Array | null {
  const value = stashValue(copyName);
  return value ? decodeStash(value) : null;
}

/** The update a stash value holds (see `stashValue`). Throws when it is not base64. */
export const decodeStash = (value: string): Uint8Array => fromBase64(value);

/** The stash as stored, to tell later whether it has changed since. */
export function stashValue(copyName: string): string | null {
  try {
    return localStorage.getItem(stashKey(copyName));
  } catch {
    return null;
  }
}

/** Clears the stash if it is still `value` (another tab, or a later exit, may have added to it since). */
export function clearStashIf(copyName: string, value: string): void {
  if (stashValue(copyName) === value) clearStash(copyName);
}

export function clearStash(copyName: string): void {
  try {
    localStorage.removeItem(stashKey(copyName));
  } catch {
    // Nothing to clear.
  }
}
