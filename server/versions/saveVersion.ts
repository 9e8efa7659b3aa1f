import * as Y from 'yjs';
import { DESK_ACTIONS, type DeskAction } from '../../shared/annotations/activityActions.ts';
import type { Principal } from '../auth/principal.ts';
import type { Room } from '../collab/Room.ts';
import { newAnnotationId } from '../annotations/newId.ts';
import type { ActivityActor } from '../storage/ActivityLog.ts';
import type { VersionKind, VersionMeta } from '../storage/VersionStore.ts';
import { bodyJSONOfDoc, wordCountOf } from './canonicalContent.ts';
import { versionsOf } from './deskRecord.ts';
import { actorOf, logDeskAction, onDraft, type VersionDeps } from './versionDeps.ts';

export interface TakeVersionInput {
  name: string;
  kind: VersionKind;
  author: ActivityActor | null;
}

/**
 * Stores the room's draft as it is now as a new version: its full Yjs state
 * (flags included), taken synchronously so it is exactly one moment of the
 * draft. Then (named and restore versions) adds a summary to the `versions`
 * root type, so every client's history panel sees it live, and logs `version-saved` (or the kind's own
 * action). Rejects if storing fails; nothing is logged then.
 */
export async function takeVersion(deps: VersionDeps, room: Room, input: TakeVersionInput): Promise<VersionMeta> {
  const state = Y.encodeStateAsUpdate(room.doc);
  const wordCount = wordCountOf(bodyJSONOfDoc(room.doc));
  const version = await deps.versions.storeVersion({
    id: newAnnotationId(),
    draftId: room.draftId,
    name: input.name,
    kind: input.kind,
    createdAt: deps.now(),
    author: input.author,
    wordCount,
    state,
  });
  const summary = {
    id: version.id,
    name: version.name,
    kind: version.kind,
    createdAt: new Date(version.createdAt).toISOString(),
    author: version.author,
    wordCount,
  };
  // Checkpoints stay out of the draft: the server does not write into a draft
  // nobody asked it to change (often nobody is connected any more); clients
  // see them on their next read of the list.
  if (input.kind !== 'checkpoint') await room.writeAsServer((doc) => versionsOf(doc).push([summary]));
  await logDeskAction(deps, room.draftId, input.author, ACTION_OF_KIND[input.kind], {
    versionId: version.id,
    name: version.name,
    wordCount,
  });
  return version;
}

const ACTION_OF_KIND: Record<VersionKind, DeskAction> = {
  named: DESK_ACTIONS.versionSaved,
  checkpoint: DESK_ACTIONS.checkpointSaved,
  restore: DESK_ACTIONS.versionRestored,
};

/** A named version by anyone who may read the draft. 404 for an unknown draft. */
export async function saveNamedVersion(
  deps: VersionDeps,
  input: { draftId: string; principal: Principal; name: string },
): Promise<VersionMeta> {
  return onDraft(deps, input.draftId, (room) =>
    takeVersion(deps, room, { name: input.name, kind: 'named', author: actorOf(input.principal) }),
  );
}
