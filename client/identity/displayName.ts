import { useCallback, useSyncExternalStore } from 'react';
import { awarenessUserSchema, type AwarenessUser } from '../../shared/protocol/awareness.ts';
import { colorForName } from './userColor.ts';

/** Until accounts exist, a person's chosen display name lives in this localStorage key. */
export const DISPLAY_NAME_KEY = 'copydesk.displayName';

const nameSchema = awarenessUserSchema.shape.name;
const listeners = new Set<() => void>();
/** Where the name lives when storage is unavailable (private mode, blocked storage). */
let memoryName: string | null = null;

/** The stored display name, or null when none is stored (or it is not a valid name). */
export function loadDisplayName(): string | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(DISPLAY_NAME_KEY);
  } catch {
    return memoryName;
  }
  if (raw === null) return memoryName;
  const parsed = nameSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Stores a display name (trimmed). Throws a ZodError when the name is empty or too long;
 * callers validate first with `validateDisplayName`.
 */
export function storeDisplayName(name: string): void {
  const valid = nameSchema.parse(name);
  memoryName = valid;
  try {
    localStorage.setItem(DISPLAY_NAME_KEY, valid);
  } catch {
    // Storage is unavailable: the name lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** A message saying what is wrong with a name, or null when it is fine. */
export function validateDisplayName(name: string): string | null {
  const parsed = nameSchema.safeParse(name);
  if (parsed.success) return null;
  return name.trim() === '' ? 'Enter a name your colleagues will recognise.' : 'That name is too long (60 characters at most).';
}

/** The awareness `user` for a name: the name and its colour. */
export function toAwarenessUser(name: string): AwarenessUser {
  return { name, color: colorForName(name) };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === DISPLAY_NAME_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The current display name (null until one is chosen) and a setter; re-renders on change, also from other tabs. */
export function useDisplayName(): [string | null, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, loadDisplayName, () => null);
  const setName = useCallback((next: string) => storeDisplayName(next), []);
  return [name, setName];
}
