import { useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { verifyActivity, type VerifyAnswer } from '../../api/versions.ts';
import { Icon } from '../../ui/Icon.tsx';

/**
 * "Verify log": asks the server to check the activity log's hash chain and
 * says what it found, in words with an icon (not colour alone).
 */
export function VerifyLog({ draftId }: { draftId: string }) {
  const [result, setResult] = useState<VerifyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isChecking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      setResult(await verifyActivity(draftId));
    } catch (caught) {
      setResult(null);
      setError(caught instanceof ApiError ? caught.message : 'something went wrong.');
    } finally {
      setChecking(false);
    }
  };
  return (
    <div className="verify-log">
      <button type="button" className="button button--small" onClick={() => void check()} disabled={isChecking}>
        <Icon name="check" />
        {isChecking ? 'Checking…' : 'Verify log'}
      </button>
      <div role="status" className="verify-log__result">
        {error && (
          <p className="alert">
            <Icon name="alert" />
            <span>Could not check the log: {error}</span>
          </p>
        )}
        {result?.ok && (
          <p className="success-note">
            <Icon name="check" />
            <span>
              The log is intact: {result.entries ?? 'all'} {result.entries === 1 ? 'entry' : 'entries'} checked, each linked to the one before.
            </span>
          </p>
        )}
        {result && !result.ok && (
          <p className="alert">
            <Icon name="alert" />
            <span>
              The log has been altered: the chain breaks at entry {String(result.brokenAt ?? '?')}. Entries from there on cannot be trusted.
            </span>
          </p>
        )}
      </div>
    </div>
  );
}
