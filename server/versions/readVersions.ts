import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { FlagView } from '../../shared/api/annotationAnswers.ts';
import { notFound } from '../appError.ts';
import type { StoredVersion, VersionMeta } from '../storage/VersionStore.ts';
import { bodyJSONOfDoc, docOfState } from './canonicalContent.ts';
import { flagViewsOf } from './flagsAt.ts';
import { onDraft, type VersionDeps } from './versionDeps.ts';

/** The word `live` names the draft as it is now wherever a version id is expected. */
export const LIVE = 'live';

/** A draft's versions, newest first. 404 for an unknown draft. */
export async function listVersions(deps: VersionDeps, draftId: string): Promise<VersionMeta[]> {
  return onDraft(deps, draftId, () => deps.versions.listVersions(draftId));
}

/** One version with its state; 404 when the draft has no such version (another draft's included). */
export async function getVersion(deps: VersionDeps, draftId: string, versionId: string): Promise<StoredVersion> {
  const version = await deps.versions.findVersion(draftId, versionId);
  if (!version) throw notFound(`no version ${JSON.stringify(versionId.slice(0, 80))} in this draft`);
  return version;
}

export interface DraftMoment {
  /** null for the live draft. */
  version: VersionMeta | null;
  state: Uint8Array;
  content: JSONContent;
  flags: FlagView[];
}

/** A version (or, for `live`, the draft now) as its copy and flags. 404 for an unknown draft or version. */
export async function readMoment(deps: VersionDeps, draftId: string, versionId: string): Promise<DraftMoment> {
  if (versionId === LIVE) {
    return onDraft(deps, draftId, async (room) => {
      const state = Y.encodeStateAsUpdate(room.doc);
      return { version: null, state, ...readState(state) };
    });
  }
  const { state, ...version } = await getVersion(deps, draftId, versionId);
  return { version, state, ...readState(state) };
}

function readState(state: Uint8Array): { content: JSONContent; flags: FlagView[] } {
  const doc = docOfState(state);
  try {
    return { content: bodyJSONOfDoc(doc), flags: flagViewsOf(doc) };
  } finally {
    doc.destroy();
  }
}
