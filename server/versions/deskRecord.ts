import * as Y from 'yjs';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import type { SignoffView, VersionView } from '../../shared/api/versions.ts';
import { DESK_STATES, type DeskStateName } from '../storage/VersionStore.ts';
import type { ActivityActor } from '../storage/ActivityLog.ts';

/**
 * The server-written root types of the desk, which every client reads live:
 * `desk` (a Y.Map: state, locked, lockedBy, lockedAt, lastSignoff),
 * `signoffs` (a Y.Array of SignoffView, oldest first) and `versions` (a
 * Y.Array of VersionView without wordDelta, oldest first). Clients may not
 * write them (CS16); commands write them inside `room.writeAsServer`.
 */
export const deskOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT_TYPES.desk);
export const signoffsOf = (doc: Y.Doc): Y.Array<SignoffView> => doc.getArray(ROOT_TYPES.signoffs);
export const versionsOf = (doc: Y.Doc): Y.Array<Omit<VersionView, 'wordDelta'>> => doc.getArray(ROOT_TYPES.versions);

export interface DeskRecord {
  /** As stored: never 'changed-since-signoff' unless the watcher wrote it (see deskState.ts). */
  state: DeskStateName;
  locked: boolean;
  lockedBy: ActivityActor | null;
  lockedAt: string | null;
  lastSignoff: SignoffView | null;
}

const STATE_NAMES = new Set<string>(Object.values(DESK_STATES));

/** The desk as stored in the draft; a draft nobody moved yet is a plain draft, unlocked. */
export function readDesk(doc: Y.Doc): DeskRecord {
  const desk = deskOf(doc);
  const state = desk.get('state');
  return {
    state: typeof state === 'string' && STATE_NAMES.has(state) ? (state as DeskStateName) : DESK_STATES.draft,
    locked: desk.get('locked') === true,
    lockedBy: (desk.get('lockedBy') as ActivityActor | undefined) ?? null,
    lockedAt: (desk.get('lockedAt') as string | undefined) ?? null,
    lastSignoff: (desk.get('lastSignoff') as SignoffView | undefined) ?? null,
  };
}

/** Sets the given desk fields; call inside writeAsServer, after every check. */
export function writeDesk(doc: Y.Doc, fields: Partial<DeskRecord>): void {
  const desk = deskOf(doc);
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (desk.get(key) !== value) desk.set(key, value);
  }
}

/** Each draft's desk map, for the check below: `doc.getMap` makes a closure on every call. */
const deskMaps = new WeakMap<Y.Doc, Y.Map<unknown>>();

/** The copy lock as Room reads it on every client update to `body` (CS19): two map lookups, nothing made. */
export function isDeskLocked(doc: Y.Doc): boolean {
  let desk = deskMaps.get(doc);
  if (!desk) deskMaps.set(doc, (desk = deskOf(doc)));
  return desk.get('locked') === true;
}
