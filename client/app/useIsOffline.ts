import { useSyncExternalStore } from 'react';

/** Whether the browser says it has no network (navigator.onLine), kept current. */
export function useIsOffline(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      addEventListener('online', onChange);
      addEventListener('offline', onChange);
      return () => {
        removeEventListener('online', onChange);
        removeEventListener('offline', onChange);
      };
    },
    () => !navigator.onLine,
  );
}
