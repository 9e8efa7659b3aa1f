import type { FlagView } from '../../shared/api/annotationAnswers.ts';
import type { JSONContent } from '@tiptap/core';
import type { VersionMeta } from '../storage/VersionStore.ts';
import { diffDrafts } from './diffDrafts.ts';
import { readMoment } from './readVersions.ts';
import type { VersionDeps } from './versionDeps.ts';

export interface Comparison {
  /** null for `live`. */
  from: VersionMeta | null;
  to: VersionMeta | null;
  changes: number;
  diff: JSONContent;
  flagsFrom: FlagView[];
  flagsTo: FlagView[];
}

/** Compares two versions of one draft (either may be `live`); 404 for a version of another draft. */
export async function compareMoments(deps: VersionDeps, draftId: string, fromId: string, toId: string): Promise<Comparison> {
  const from = await readMoment(deps, draftId, fromId);
  const to = await readMoment(deps, draftId, toId);
  const { diff, changes } = diffDrafts(from.content, to.content);
  return { from: from.version, to: to.version, changes, diff, flagsFrom: from.flags, flagsTo: to.flags };
}
