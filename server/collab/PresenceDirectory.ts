import type { PresentPerson } from '../../shared/api/drafts.ts';

/** One person in a draft, as the drafts list shows them; `accountId` only tells tabs and instances apart. */
export interface PresentAccount extends Required<PresentPerson> {
  accountId: string;
}

/** The people in one draft held by this instance. */
export interface RoomPeople {
  draftId: string;
  people: PresentAccount[];
}

/** Who is in which draft right now. */
export interface PresenceDirectory {
  /** The people in each of `draftIds`, one entry per account; a draft nobody is in maps to []. */
  presentIn(draftIds: readonly string[]): Promise<Map<string, PresentAccount[]>>;
  /** Stops publishing this instance's rooms (shutdown). */
  close(): Promise<void>;
}

/** The people in each of `draftIds` among this instance's rooms. */
export function localPeopleIn(rooms: () => Iterable<RoomPeople>, draftIds: readonly string[]): Map<string, PresentAccount[]> {
  const found = new Map<string, PresentAccount[]>(draftIds.map((id) => [id, []]));
  for (const room of rooms()) if (found.has(room.draftId)) found.set(room.draftId, room.people);
  return found;
}

/** One instance alone: its own rooms are everyone. */
export function localPresenceDirectory(rooms: () => Iterable<RoomPeople>): PresenceDirectory {
  return {
    presentIn: async (draftIds) => localPeopleIn(rooms, draftIds),
    close: async () => {},
  };
}

/** Builds the directory once the server's rooms exist (main.ts picks the kind, startServer has the rooms). */
export type PresenceDirectoryFactory = (rooms: () => Iterable<RoomPeople>) => PresenceDirectory;
