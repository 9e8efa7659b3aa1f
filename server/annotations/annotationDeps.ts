import type { Principal } from '../auth/principal.ts';
import type { RoomRegistry } from '../collab/RoomRegistry.ts';
import type { Room } from '../collab/Room.ts';
import type { Logger } from '../logger.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { ActivityLog } from '../storage/ActivityLog.ts';
import type { InboxStore } from '../storage/InboxStore.ts';
import type { PersonRef } from '../../shared/annotations/types.ts';
import { notFound } from '../appError.ts';

/** What every annotation command works with. */
export interface AnnotationDeps {
  registry: RoomRegistry;
  activity: ActivityLog;
  inbox: InboxStore;
  accounts: AccountStore;
  now: () => number;
  logger: Logger;
}

export const personOf = (principal: Principal): PersonRef => ({ id: principal.accountId, name: principal.displayName });

/**
 * Runs `run` on the draft's live room, loading it if nobody has it open.
 * Throws 404 when the draft does not exist.
 */
export async function onDraft<T>(deps: AnnotationDeps, draftId: string, run: (room: Room) => Promise<T>): Promise<T> {
  let found = false;
  const result = await deps.registry.withRoom(draftId, async (room) => {
    found = true;
    return run(room);
  });
  if (!found) throw notFound(`no draft with id ${JSON.stringify(draftId.slice(0, 80))}`);
  return result as T;
}
