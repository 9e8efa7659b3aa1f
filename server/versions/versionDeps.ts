import type { DeskAction } from '../../shared/annotations/activityActions.ts';
import type { Principal } from '../auth/principal.ts';
import type { RoomRegistry } from '../collab/RoomRegistry.ts';
import type { Room } from '../collab/Room.ts';
import type { Logger } from '../logger.ts';
import type { ActivityActor, ActivityLog } from '../storage/ActivityLog.ts';
import type { VersionStore } from '../storage/VersionStore.ts';
import { notFound } from '../appError.ts';

/** What every version, sign-off and desk command works with. */
export interface VersionDeps {
  registry: RoomRegistry;
  versions: VersionStore;
  activity: ActivityLog;
  now: () => number;
  logger: Logger;
  /** CHECKPOINT_AFTER_MS: a checkpoint is taken this long after the first edit since the last one. */
  checkpointAfterMs: number;
}

export const actorOf = (principal: Principal): ActivityActor => ({ id: principal.accountId, name: principal.displayName });

/**
 * Runs `run` on the draft's live room, loading it if nobody has it open, and
 * keeping it in memory until `run` settles. Throws 404 for an unknown draft.
 */
export async function onDraft<T>(deps: VersionDeps, draftId: string, run: (room: Room) => Promise<T>): Promise<T> {
  let found = false;
  const result = await deps.registry.withRoom(draftId, async (room) => {
    found = true;
    return run(room);
  });
  if (!found) throw notFound(`no draft with id ${JSON.stringify(draftId.slice(0, 80))}`);
  return result as T;
}

/** Appends one activity entry for a desk action (after the change it records is durable). */
export async function logDeskAction(
  deps: VersionDeps,
  draftId: string,
  actor: ActivityActor | null,
  action: DeskAction,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps.activity.appendActivity({ draftId, at: deps.now(), actor, action, flagId: null, detail });
}
