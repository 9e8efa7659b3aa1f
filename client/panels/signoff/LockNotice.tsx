import { useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { lockOf, unlockCopy, type DeskView } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatTime } from '../annotations/flagText.ts';

/**
 * The editor's notice while the copy is locked: who locked it and when, that
 * nobody can change it, and an Unlock button for a chief.
 */
export function LockNotice({ draftId, desk, canUnlock, onUnlocked }: { draftId: string; desk: DeskView; canUnlock: boolean; onUnlocked: () => void }) {
  const lock = lockOf(desk);
  const [error, setError] = useState<string | null>(null);
  const [isUnlocking, setUnlocking] = useState(false);
  const unlock = async () => {
    setUnlocking(true);
    setError(null);
    try {
      await unlockCopy(draftId);
      onUnlocked();
    } catch (caught) {
      setError(`Could not unlock: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
      setUnlocking(false);
    }
  };
  return (
    <>
      <Icon name="lock" />
      <span>
        <strong>Locked by {lock?.by?.name ?? 'a chief editor'} on sign-off</strong>
        {lock?.at && (
          <>
            {' '}
            (<time dateTime={lock.at}>{formatTime(lock.at)}</time>)
          </>
        )}
        . Nobody can change the copy until a chief editor unlocks it; you can still select text and flag it.
      </span>
      {canUnlock && (
        <button type="button" className="button button--small" onClick={() => void unlock()} disabled={isUnlocking}>
          {isUnlocking ? 'Unlocking…' : 'Unlock'}
        </button>
      )}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
