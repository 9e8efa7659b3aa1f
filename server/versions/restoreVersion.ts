import { updateYFragment } from '@tiptap/y-tiptap';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { ROOT_TYPES } from '../../shared/schema/rootTypes.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { conflict, forbidden } from '../appError.ts';
import { DRAFT_SCHEMA } from '../drafts/draftSchema.ts';
import type { VersionMeta } from '../storage/VersionStore.ts';
import { bodyJSONOfState } from './canonicalContent.ts';
import { readDesk } from './deskRecord.ts';
import { getVersion } from './readVersions.ts';
import { takeVersion } from './saveVersion.ts';
import { actorOf, onDraft, type VersionDeps } from './versionDeps.ts';

/**
 * Restores a version's copy as a new edit on top of the live draft: history
 * is never rewritten. The live `body` is brought to the version's content by
 * y-tiptap's `updateYFragment`, which keeps every unchanged element and text
 * (so flags anchored in untouched words stay put) and writes only the
 * difference, through `room.writeAsServer`: stored, then relayed to every
 * client like any edit. Flags are not restored (they keep their own history).
 * Then a `restore` version records the result.
 *
 * 403 unless the role edits copy (editors and chiefs); 409 while the copy is
 * locked; 404 for an unknown draft or version.
 */
export async function restoreVersion(
  deps: VersionDeps,
  input: { draftId: string; versionId: string; principal: Principal },
): Promise<VersionMeta> {
  const { principal } = input;
  if (!can(principal.role, ACTIONS.editCopy)) throw forbidden(`the ${principal.role} role may not restore versions`);
  return onDraft(deps, input.draftId, async (room) => {
    const source = await getVersion(deps, input.draftId, input.versionId);
    let target: ProseMirrorNode;
    try {
      target = DRAFT_SCHEMA.nodeFromJSON(bodyJSONOfState(source.state));
    } catch {
      throw conflict('this version’s copy does not fit the draft schema and cannot be restored');
    }
    await room.writeAsServer((doc) => {
      // Checked inside the write: a lock set a moment ago is seen.
      if (readDesk(doc).locked) throw conflict('the copy is locked after sign-off; a chief must unlock it first');
      updateYFragment(doc, doc.getXmlFragment(ROOT_TYPES.body), target, { mapping: new Map(), isOMark: new Map() });
    });
    return takeVersion(deps, room, {
      name: `Restored “${source.name}”`.slice(0, 120),
      kind: 'restore',
      author: actorOf(principal),
    });
  });
}
