import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './ApiError.ts';

export interface Loaded<T> {
  /** Null until the first answer. */
  value: T | null;
  error: ApiError | null;
  /** Asks again (after a change made elsewhere). */
  reload: () => void;
  /** Changes the loaded value in place, without asking again. */
  update: (change: (value: T) => T) => void;
}

/**
 * What `load` answers, asked once on mount and again on `reload`; a request
 * still under way when the component goes or asks again is aborted. `load`
 * must be the same function on every render (a module-level API call).
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (loaded) => {
        setValue(() => loaded);
        setError(null);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0));
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const update = useCallback((change: (value: T) => T) => setValue((current) => (current === null ? current : change(current))), []);
  return { value, error, reload, update };
}
