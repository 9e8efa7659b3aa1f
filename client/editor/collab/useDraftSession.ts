import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OfflineCopyState } from './BatchedIndexeddbPersistence.ts';
import type { AwarenessUser } from '../../../shared/protocol/awareness.ts';
import type { ConnectionSnapshot } from './ConnectionTracker.ts';
import { createDraftSession, type DraftSession, type Readiness } from './createDraftSession.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import type { Person } from './PeopleTracker.ts';
import type { RootRevisions } from './ServerRootTracker.ts';
import { ValueStore } from './ValueStore.ts';

/**
 * Opens a live session on `draftId` for as long as the component is mounted
 * (or until `draftId` changes) and destroys it on cleanup. The session is made
 * in an effect, not during render, so StrictMode's mount-unmount-mount makes
 * and destroys a whole session rather than leaking half of one. Returns null
 * until the effect has run, and for a null `draftId`.
 *
 * `user` is read when the session opens; later changes go through
 * `session.setUser` (see useSessionUser) so a rename does not reconnect.
 * `cacheOwner` (the account id) names the offline copy; see DraftSessionOptions.
 * A new `generation` closes the session and opens a fresh one (after its
 * local copy was discarded).
 */
export function useDraftSession(draftId: string | null, user: AwarenessUser, cacheOwner: string, generation = 0): DraftSession | null {
  const [session, setSession] = useState<DraftSession | null>(null);
  const [initialUser] = useState(user);

  useEffect(() => {
    if (draftId === null) return;
    const opened = createDraftSession(draftId, { user: initialUser, cacheOwner });
    setSession(opened);
    return () => {
      setSession((current) => (current === opened ? null : current));
      opened.destroy();
    };
  }, [draftId, initialUser, cacheOwner, generation]);

  return session;
}

/** Keeps the session's awareness `user` equal to `user`. */
export function useSessionUser(session: DraftSession | null, user: AwarenessUser): void {
  const { id, name, color, role } = user;
  useEffect(() => {
    session?.setUser({ id, name, color, role });
  }, [session, id, name, color, role]);
}

function useStore<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useConnectionState(session: DraftSession): ConnectionSnapshot {
  return useStore(session.connection.state);
}

export function usePeople(session: DraftSession): readonly Person[] {
  return useStore(session.people.state);
}

/** Whether this device keeps a copy of the draft (see OfflineCopyState). */
export function useOfflineCopy(session: DraftSession): OfflineCopyState {
  return useStore(session.offlineCopy);
}

export function useReadiness(session: DraftSession): Readiness {
  return useStore(session.readiness);
}

/** The draft's flags, live (in no particular order; see useFlagLayout for document order). */
export function useFlags(session: DraftSession): readonly Flag[] {
  return useStore(session.flags.state);
}

const NO_REVISIONS = new ValueStore<RootRevisions>({});

/** How often each desk root type (sign-offs, versions) has changed live since the session opened; {} without a session. */
export function useDeskRootRevisions(session: DraftSession | null): RootRevisions {
  return useStore(session?.deskRoots.state ?? NO_REVISIONS);
}
