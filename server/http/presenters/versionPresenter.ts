import type { VersionView } from '../../../shared/api/versions.ts';
import type { VersionMeta } from '../../storage/VersionStore.ts';
import { toSignoffViewOf } from '../../versions/signoffView.ts';

/** A version as the API shows it; `olderWordCount` is the next older version's (0 for the oldest). */
export function toVersionView(version: VersionMeta, olderWordCount: number): VersionView {
  return {
    id: version.id,
    name: version.name,
    kind: version.kind,
    createdAt: new Date(version.createdAt).toISOString(),
    author: version.author,
    wordCount: version.wordCount,
    wordDelta: version.wordCount - olderWordCount,
  };
}

/** Versions newest first, each with its delta against the one before it. */
export function toVersionViews(newestFirst: readonly VersionMeta[]): VersionView[] {
  return newestFirst.map((version, i) => toVersionView(version, newestFirst[i + 1]?.wordCount ?? 0));
}

/** A sign-off as the API shows it (the same shape the draft's `signoffs` root type holds). */
export const toSignoffView = toSignoffViewOf;
