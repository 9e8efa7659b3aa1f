import { useEffect, useState } from 'react';
import type { TokenSummary } from '../../../shared/api/auth.ts';
import { ApiError } from '../../api/ApiError.ts';
import { revokeToken } from '../../api/tokens.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatAbsoluteTime, formatRelativeTime } from '../drafts/relativeTime.ts';

export interface TokensTableProps {
  tokens: TokenSummary[];
  /** After a revoke, once its confirmation has closed: focus moved then is not taken back by the closing dialog. */
  onRevoked: () => void;
}

/** Name, created, last used, and Revoke (after a confirmation) for each token. */
export function TokensTable({ tokens, onRevoked }: TokensTableProps) {
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [isRevoked, setRevoked] = useState(false);
  const now = new Date();

  // The dialog, as it closes, hands focus back to the Revoke button of a row about to go; this
  // effect runs after the dialog's own (children's effects run first), so the page can move focus
  // somewhere that lasts.
  useEffect(() => {
    if (revoking !== null || !isRevoked) return;
    setRevoked(false);
    onRevoked();
  }, [revoking, isRevoked, onRevoked]);

  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">Your API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" className="data-table__primary">
                {token.name}
              </th>
              <td data-label="Created">
                <Time iso={token.createdAt} now={now} />
              </td>
              <td data-label="Last used">{token.lastUsedAt ? <Time iso={token.lastUsedAt} now={now} /> : <span className="muted">Never</span>}</td>
              <td className="data-table__actions">
                <button
                  type="button"
                  className="button button--danger-quiet"
                  aria-label={`Revoke ${token.name}`}
                  onClick={() => setRevoking(token)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything that uses this token stops working at once. This cannot be undone."
        confirmLabel="Revoke token"
        isDanger
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          try {
            await revokeToken(revoking.id);
          } catch (caught) {
            throw new Error(`Could not revoke the token: ${caught instanceof ApiError ? caught.message : 'something went wrong.'}`);
          }
          setRevoked(true);
        }}
      />
    </>
  );
}

function Time({ iso, now }: { iso: string; now: Date }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>—</>;
  return (
    <time dateTime={date.toISOString()} title={formatAbsoluteTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
