/**
 * A value that React reads with `useSyncExternalStore`: `get` returns the same
 * object until `set` replaces it, so a snapshot only changes when the value does.
 */
export class ValueStore<T> {
  private value: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.value = initial;
  }

  readonly get = (): T => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces the value and notifies subscribers; a no-op when `isSame(old, next)`. */
  set(next: T, isSame: (a: T, b: T) => boolean = Object.is): void {
    if (isSame(this.value, next)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }

  clear(): void {
    this.listeners.clear();
  }
}
