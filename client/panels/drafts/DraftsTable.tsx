import type { ListedDraft } from '../../api/drafts.ts';
import { Link } from '../../app/Link.tsx';
import { findRoleLabel } from '../../identity/roleLabel.ts';
import { Icon } from '../../ui/Icon.tsx';
import { PersonBadge } from '../../ui/PersonBadge.tsx';
import { DeskStateBadge } from '../signoff/DeskStateBadge.tsx';
import { formatAbsoluteTime, formatRelativeTime } from './relativeTime.ts';
import { shownTitle } from './titleSearch.ts';

export interface DraftsTableProps {
  drafts: ListedDraft[];
  now: Date;
  /** The list is an offline copy: who is in each draft now is not known. */
  isOffline?: boolean;
  /** Offline, the drafts that open from this browser's copy; the others are listed without a link. */
  withOfflineCopy?: ReadonlySet<string> | undefined;
}

/** Drafts, newest edit first as the server sends them: title, last edit, who is in each now. */
export function DraftsTable({ drafts, now, isOffline = false, withOfflineCopy }: DraftsTableProps) {
  return (
    <table className="drafts-table">
      <caption className="visually-hidden">Drafts, most recently edited first</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">State</th>
          <th scope="col">Last edited</th>
          <th scope="col">In it now</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => {
          const updatedAt = new Date(draft.updatedAt);
          const isValidDate = !Number.isNaN(updatedAt.getTime());
          return (
            <tr key={draft.id}>
              <th scope="row" className="drafts-table__title">
                {isOffline && withOfflineCopy && !withOfflineCopy.has(draft.id) ? (
                  <>
                    <span className="drafts-table__unavailable">{shownTitle(draft.title)}</span>
                    <span className="drafts-table__note muted">Not on this device: needs the connection</span>
                  </>
                ) : (
                  <Link to={`/docs/${encodeURIComponent(draft.id)}`}>{shownTitle(draft.title)}</Link>
                )}
              </th>
              <td className="drafts-table__state" data-label="State">
                <DeskStateBadge state={draft.state} isCompact />
                {draft.locked && (
                  <span className="drafts-table__locked">
                    <Icon name="lock" />
                    Locked
                  </span>
                )}
              </td>
              <td className="drafts-table__time" data-label="Last edited">
                {isValidDate ? (
                  <time dateTime={updatedAt.toISOString()} title={formatAbsoluteTime(updatedAt)}>
                    {formatRelativeTime(updatedAt, now)}
                  </time>
                ) : (
                  '—'
                )}
              </td>
              <td data-label="In it now">
                {isOffline ? (
                  <span className="muted">Not known offline</span>
                ) : draft.present.length === 0 ? (
                  <span className="muted">Nobody</span>
                ) : (
                  <ul className="drafts-table__people" aria-label={`People in ${draft.title || 'this draft'}`}>
                    {draft.present.map((person, index) => {
                      const role = findRoleLabel(person.role);
                      return (
                        <li key={`${person.name}-${index}`}>
                          <PersonBadge name={person.name} color={safeColor(person.color)} suffix={role ? `(${role})` : undefined} />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Colours come from other clients' awareness: anything but #rrggbb falls back to a neutral grey. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#475569';
}
