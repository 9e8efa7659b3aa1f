import type { Room } from '../collab/Room.ts';
import type { VersionStore } from '../storage/VersionStore.ts';
import { bodyJSONOfDoc, bodyJSONOfState, contentHash } from './canonicalContent.ts';

/**
 * Whether the draft's live copy is the copy its latest version kept (flags
 * and the rest of the document aside): a checkpoint now would add nothing.
 * It happens when a named version was saved after the last edit, and when
 * several instances serve the draft and each one's timer comes due.
 */
export async function copyMatchesLatestVersion(versions: VersionStore, room: Room): Promise<boolean> {
  const [latest] = await versions.listVersions(room.draftId);
  if (!latest) return false;
  const stored = await versions.findVersion(room.draftId, latest.id);
  if (!stored) return false;
  return contentHash(bodyJSONOfState(stored.state)) === contentHash(bodyJSONOfDoc(room.doc));
}
