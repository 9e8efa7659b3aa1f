import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import type { Person } from '../../editor/collab/PeopleTracker.ts';
import { useConnectionState, usePeople } from '../../editor/collab/useDraftSession.ts';
import { findRoleLabel } from '../../identity/roleLabel.ts';
import { PersonBadge } from '../../ui/PersonBadge.tsx';

/** "(Legal)", "(Editor, you)", "(you)": the role in words, so it never rests on colour or position. */
export function personSuffix(person: Pick<Person, 'role' | 'isSelf'>): string | undefined {
  const words = [findRoleLabel(person.role), person.isSelf ? 'you' : null].filter((word) => word !== null);
  return words.length > 0 ? `(${words.join(', ')})` : undefined;
}

/**
 * Who has this draft open right now, you first; each with colour, initials,
 * name and role. The names go into the circles' tooltips and stay in the text
 * a screen reader reads: the editor's top bar, on a laptop's screen, has no
 * room for a row of full names beside the title, the save status and the
 * desk's controls. Without a connection nobody else's presence can be known,
 * so only you are listed then (the socket may linger a while after the
 * network is gone).
 */
export function PresenceBar({ session }: { session: DraftSession }) {
  const everyone = usePeople(session);
  const connection = useConnectionState(session);
  const isCutOff = connection.kind === 'offline' || connection.kind === 'closed';
  const people = isCutOff ? everyone.filter((person) => person.isSelf) : everyone;
  return (
    <ul className="presence" aria-label="People in this draft">
      {people.map((person) => (
        <li key={person.clientId} className="presence__item">
          <PersonBadge name={person.name} color={person.color} suffix={personSuffix(person)} isCompact />
        </li>
      ))}
    </ul>
  );
}
