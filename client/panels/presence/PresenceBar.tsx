import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useConnectionState, usePeople } from '../../editor/collab/useDraftSession.ts';
import { PersonBadge } from '../../ui/PersonBadge.tsx';

/**
 * Who has this draft open right now, you first; each with colour, initials and
 * name. Without a connection nobody else's presence can be known, so only you
 * are listed then (the socket may linger a while after the network is gone).
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
          <PersonBadge name={person.name} color={person.color} suffix={person.isSelf ? '(you)' : undefined} isCompact={people.length > 4} />
        </li>
      ))}
    </ul>
  );
}
