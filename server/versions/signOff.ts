import { DESK_ACTIONS } from '../../shared/annotations/activityActions.ts';
import type { SignoffView } from '../../shared/api/versions.ts';
import { FLAG_KINDS } from '../../shared/annotations/kinds.ts';
import { ACTIONS, can } from '../../shared/permissions/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { conflict, forbidden } from '../appError.ts';
import { newAnnotationId } from '../annotations/newId.ts';
import { DESK_STATES, type SignoffRecord } from '../storage/VersionStore.ts';
import { bodyJSONOfDoc, contentHash } from './canonicalContent.ts';
import { readDesk, signoffsOf, writeDesk } from './deskRecord.ts';
import { mirrorDesk } from './deskState.ts';
import { openFlagsOf } from './flagsAt.ts';
import { takeVersion } from './saveVersion.ts';
import { toSignoffViewOf } from './signoffView.ts';
import { actorOf, logDeskAction, onDraft, type VersionDeps } from './versionDeps.ts';

export interface SignOffInput {
  draftId: string;
  principal: Principal;
  note: string;
  /** Already validated non-empty when given. */
  override?: string | undefined;
  lock?: boolean | undefined;
}

/**
 * The desk chief's sign-off of the draft as it is now. Chiefs only (403).
 * Refused with 409 while legal-risk flags are open, naming them in the
 * message and listing them in `details.openLegalFlags`, unless an
 * override reason is given, which is then recorded with the sign-off and
 * logged on its own (`signoff-override`). Refused with 409 while the draft
 * is spiked: a story that will not run is brought back before it is signed
 * off, so the record never says a killed story was cleared to run.
 *
 * Order: check, then save a version of the current state, hash its canonical
 * copy, store the immutable sign-off record, and only then write the summary
 * into the draft's `desk` and `signoffs` root types (everyone sees it live).
 * The state is read once, synchronously, so the version, the hash and the
 * open flags describe the same moment. If an edit lands between the version
 * and the desk write, the desk says 'changed-since-signoff' at once.
 */
export async function signOff(deps: VersionDeps, input: SignOffInput): Promise<SignoffRecord> {
  const { principal } = input;
  if (!can(principal.role, ACTIONS.signOff)) throw forbidden('only a desk chief signs off');
  const by = actorOf(principal);
  return onDraft(deps, input.draftId, async (room) => {
    if (readDesk(room.doc).state === DESK_STATES.spiked) {
      throw conflict('this draft is spiked; move it to another state before signing it off', { deskState: DESK_STATES.spiked });
    }
    const openFlags = openFlagsOf(room.doc);
    const openLegal = openFlags.filter((flag) => flag.kind === FLAG_KINDS.legalRisk);
    if (openLegal.length > 0 && !input.override) {
      const list = openLegal.map((flag) => `“${flag.quote}” (${flag.id})`).join(', ');
      throw conflict(
        `${openLegal.length} legal-risk flag${openLegal.length === 1 ? ' is' : 's are'} open: ${list}; resolve ${openLegal.length === 1 ? 'it' : 'them'} or give an override reason`,
        { openLegalFlags: openLegal.map(({ id, kind, quote, status }) => ({ id, kind, quote, status })) },
      );
    }
    const hash = contentHash(bodyJSONOfDoc(room.doc));
    const version = await takeVersion(deps, room, {
      name: `Signed off by ${by.name}`,
      kind: 'named',
      author: by,
    });
    const signoff = await deps.versions.storeSignoff({
      id: newAnnotationId(),
      draftId: input.draftId,
      versionId: version.id,
      hash,
      by,
      at: deps.now(),
      note: input.note,
      override: input.override ?? null,
      openFlags,
    });
    const view: SignoffView = toSignoffViewOf(signoff);
    await room.writeAsServer((doc) => {
      const isUnchanged = contentHash(bodyJSONOfDoc(doc)) === hash;
      writeDesk(doc, {
        state: isUnchanged ? DESK_STATES.signedOff : DESK_STATES.changedSinceSignoff,
        lastSignoff: view,
        ...(input.lock ? { locked: true, lockedBy: by, lockedAt: view.at } : {}),
      });
      signoffsOf(doc).push([view]);
    });
    await mirrorDesk(deps, room);
    await logDeskAction(deps, input.draftId, by, DESK_ACTIONS.signedOff, {
      signoffId: signoff.id,
      versionId: version.id,
      hash,
      note: signoff.note,
      override: signoff.override,
      openFlags: openFlags.length,
    });
    if (signoff.override) {
      await logDeskAction(deps, input.draftId, by, DESK_ACTIONS.signoffOverride, {
        signoffId: signoff.id,
        reason: signoff.override,
        legalFlags: openLegal,
      });
    }
    if (input.lock) await logDeskAction(deps, input.draftId, by, DESK_ACTIONS.locked, { signoffId: signoff.id });
    return signoff;
  });
}

/** A draft's sign-offs, newest first. 404 for an unknown draft. */
export async function listSignoffs(deps: VersionDeps, draftId: string): Promise<SignoffRecord[]> {
  return onDraft(deps, draftId, () => deps.versions.listSignoffs(draftId));
}
