import type { SignoffView } from '../../shared/api/versions.ts';
import type { SignoffRecord } from '../storage/VersionStore.ts';

/** A stored sign-off as it travels (API answers, exports, the `signoffs` root type). */
export function toSignoffViewOf(signoff: SignoffRecord): SignoffView {
  return {
    id: signoff.id,
    versionId: signoff.versionId,
    hash: signoff.hash,
    by: signoff.by,
    at: new Date(signoff.at).toISOString(),
    note: signoff.note,
    override: signoff.override,
    openFlags: signoff.openFlags,
  };
}
