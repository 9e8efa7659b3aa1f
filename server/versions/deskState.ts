import { DESK_ACTIONS } from '../../shared/annotations/activityActions.ts';
import type { DeskView, PersonView } from '../../shared/api/versions.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import type { Room } from '../collab/Room.ts';
import { conflict, forbidden } from '../appError.ts';
import { DESK_STATES, type DeskStateName } from '../storage/VersionStore.ts';
import { bodyJSONOfDoc, contentHash } from './canonicalContent.ts';
import { deskOf, readDesk, writeDesk, type DeskRecord } from './deskRecord.ts';
import { actorOf, logDeskAction, onDraft, type VersionDeps } from './versionDeps.ts';

/**
 * The state a signed draft is in: 'signed-off' while the live copy hashes to
 * the last sign-off's hash, 'changed-since-signoff' once it does not. Other
 * states are as stored.
 */
export function deriveDeskState(room: Room, desk: DeskRecord): DeskStateName {
  const signed = desk.state === DESK_STATES.signedOff || desk.state === DESK_STATES.changedSinceSignoff;
  if (!signed || !desk.lastSignoff) return desk.state;
  return contentHash(bodyJSONOfDoc(room.doc)) === desk.lastSignoff.hash ? DESK_STATES.signedOff : DESK_STATES.changedSinceSignoff;
}

export function deskViewOf(room: Room): DeskView {
  const desk = readDesk(room.doc);
  return { ...desk, state: deriveDeskState(room, desk) };
}

/** The desk of a draft now. 404 for an unknown draft. */
export async function getDesk(deps: VersionDeps, draftId: string): Promise<DeskView> {
  return onDraft(deps, draftId, async (room) => deskViewOf(room));
}

/** Copies the room's desk into the store's mirror (the drafts list reads it). */
export async function mirrorDesk(deps: VersionDeps, room: Room): Promise<DeskView> {
  const view = deskViewOf(room);
  await deps.versions.storeDeskState({ draftId: room.draftId, state: view.state, locked: view.locked, updatedAt: deps.now() });
  return view;
}

/**
 * Moves a draft between draft, in review, legal review and spiked (the body
 * schema allows no other). Editors and chiefs (403 otherwise). Moving to the state it
 * is in changes nothing and logs nothing.
 */
export async function setDeskState(
  deps: VersionDeps,
  input: { draftId: string; principal: Principal; state: DeskStateName },
): Promise<DeskView> {
  const { principal } = input;
  if (!can(principal.role, ACTIONS.editCopy)) throw forbidden(`the ${principal.role} role may not move a draft between desk states`);
  return onDraft(deps, input.draftId, async (room) => {
    const before = deriveDeskState(room, readDesk(room.doc));
    if (before === input.state) return deskViewOf(room);
    await room.writeAsServer((doc) => writeDesk(doc, { state: input.state }));
    const view = await mirrorDesk(deps, room);
    await logDeskAction(deps, input.draftId, actorOf(principal), DESK_ACTIONS.stateChanged, { from: before, to: input.state });
    return view;
  });
}

/**
 * Locks or unlocks the copy (CS19): chiefs only (403); 409 when it already
 * is. While locked, Room refuses every client write to `body` and restore is
 * refused. Logged as `locked` / `unlocked`.
 */
export async function setCopyLock(
  deps: VersionDeps,
  input: { draftId: string; principal: Principal; locked: boolean },
): Promise<DeskView> {
  const { principal } = input;
  if (!can(principal.role, ACTIONS.signOff)) throw forbidden('only a desk chief locks or unlocks the copy');
  return onDraft(deps, input.draftId, async (room) => {
    const by: PersonView = actorOf(principal);
    const at = new Date(deps.now()).toISOString();
    await room.writeAsServer((doc) => {
      if (readDesk(doc).locked === input.locked) throw conflict(input.locked ? 'the copy is already locked' : 'the copy is not locked');
      writeDesk(doc, input.locked ? { locked: true, lockedBy: by, lockedAt: at } : { locked: false });
      if (!input.locked) {
        deskOf(doc).delete('lockedBy');
        deskOf(doc).delete('lockedAt');
      }
    });
    const view = await mirrorDesk(deps, room);
    await logDeskAction(deps, input.draftId, by, input.locked ? DESK_ACTIONS.locked : DESK_ACTIONS.unlocked, {});
    return view;
  });
}

