import { useCallback, useEffect, useState } from 'react';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { ApiError } from '../../api/ApiError.ts';
import { listVersions, type VersionView } from '../../api/versions.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useDeskRootRevisions } from '../../editor/collab/useDraftSession.ts';

export interface VersionList {
  /** Newest first; null until the first answer. */
  versions: VersionView[] | null;
  error: ApiError | null;
  refresh: () => void;
}

/**
 * The draft's versions over REST, read again whenever the server writes the
 * `versions` root type (someone saved one, a checkpoint, a restore).
 */
export function useVersions(draftId: string, session: DraftSession | null): VersionList {
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [asked, setAsked] = useState(0);
  const revision = useDeskRootRevisions(session)[ROOT_TYPES.versions] ?? 0;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listVersions(draftId, controller.signal).then(
        (list) => {
          setVersions([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
          setError(null);
        },
        (caught: unknown) => {
          if (controller.signal.aborted) return;
          setError(caught instanceof ApiError ? caught : new ApiError('internal_error', String(caught), 0));
        },
      );
    }, 80);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draftId, revision, asked]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { versions, error, refresh };
}
