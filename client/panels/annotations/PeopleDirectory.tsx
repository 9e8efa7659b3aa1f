import { createContext, useContext, type ReactNode } from 'react';
import type { DirectoryPerson } from '../../../shared/api/people.ts';
import { listPeople } from '../../api/people.ts';
import { useLoaded } from '../../api/useLoaded.ts';

const PeopleDirectoryContext = createContext<readonly DirectoryPerson[] | null>(null);

/**
 * Asks for the desk's directory once for everything below it (the flags
 * panel's assignee list, every comment field's @mention suggestions), so a
 * page with several comment fields still makes one request.
 */
export function PeopleDirectoryProvider({ children }: { children: ReactNode }) {
  const directory = useLoaded(listPeople).value;
  return <PeopleDirectoryContext.Provider value={directory}>{children}</PeopleDirectoryContext.Provider>;
}

/**
 * The desk's directory, by name; null while it loads, when it could not be
 * loaded (callers then offer nobody rather than an error), and outside a
 * PeopleDirectoryProvider.
 */
export function usePeopleDirectory(): readonly DirectoryPerson[] | null {
  return useContext(PeopleDirectoryContext);
}
