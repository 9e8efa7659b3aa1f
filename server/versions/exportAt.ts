import { toSignoffViewOf } from './signoffView.ts';
import { contentHash } from './canonicalContent.ts';
import { exportDraft, type ExportFormat, type ExportedFile } from './exportDraft.ts';
import { LIVE, readMoment } from './readVersions.ts';
import type { VersionDeps } from './versionDeps.ts';

/**
 * The live draft (`live`) or a version as a file. A version carries the
 * sign-off made of it; the live draft carries the last sign-off when its
 * copy still hashes to it. 404 for an unknown draft or version.
 */
export async function exportAt(
  deps: VersionDeps,
  input: { draftId: string; versionId: string; title: string; format: ExportFormat },
): Promise<ExportedFile> {
  const moment = await readMoment(deps, input.draftId, input.versionId);
  const signoffs = await deps.versions.listSignoffs(input.draftId);
  const hash = contentHash(moment.content);
  const signoff =
    input.versionId === LIVE
      ? signoffs.slice(0, 1).find((s) => s.hash === hash)
      : signoffs.find((s) => s.versionId === input.versionId);
  return exportDraft(
    {
      title: input.title,
      content: moment.content,
      signoff: signoff ? toSignoffViewOf(signoff) : null,
      label: input.versionId === LIVE ? 'live' : `v-${input.versionId}`,
    },
    input.format,
  );
}
