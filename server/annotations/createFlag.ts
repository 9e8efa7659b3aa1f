import { FLAG_STATUSES, type FlagKind } from '../../shared/annotations/kinds.ts';
import { canFlag } from '../../shared/annotations/rules.ts';
import type { Flag } from '../../shared/annotations/types.ts';
import type { Principal } from '../auth/principal.ts';
import { forbidden } from '../appError.ts';
import { onDraft, personOf, type AnnotationDeps } from './annotationDeps.ts';
import { checkAnchors } from './checkAnchors.ts';
import { readDraftText } from './draftText.ts';
import { insertFlag } from './flagWrites.ts';
import { newAnnotationId } from './newId.ts';
import { notifyMentions } from './notifyInbox.ts';

export interface CreateFlagInput {
  draftId: string;
  principal: Principal;
  kind: FlagKind;
  start: string;
  end: string;
  /** The flagger's first comment, already validated (trimmed, within MAX_COMMENT_CHARS). */
  comment: string;
}

/**
 * Flags a span of the copy. Throws 403 when the role may not flag, 404 for an
 * unknown draft, 400 `invalid_anchor` for anchors that do not lie in `body`
 * in order. The quote is taken by the server from the copy at this moment,
 * in the same transaction that stores the flag.
 */
export async function createFlag(deps: AnnotationDeps, input: CreateFlagInput): Promise<Flag> {
  const { principal } = input;
  if (!canFlag(principal.role)) throw forbidden(`the ${principal.role} role may not flag copy`);
  const by = personOf(principal);
  const flag = await onDraft(deps, input.draftId, async (room) => {
    let created!: Flag;
    await room.writeAsServer((doc) => {
      const { quote } = checkAnchors(readDraftText(doc), input.start, input.end);
      const now = new Date(deps.now()).toISOString();
      created = {
        id: newAnnotationId(),
        kind: input.kind,
        start: input.start,
        end: input.end,
        quote,
        status: FLAG_STATUSES.open,
        createdBy: by,
        createdAt: now,
        ...(input.kind === 'claim' ? { claim: { verification: 'unverified' as const } } : {}),
        events: [{ at: now, by, action: 'created' }],
        comments: [{ id: newAnnotationId(), author: by, text: input.comment, createdAt: now, history: [], deleted: false }],
      };
      insertFlag(doc, created);
    });
    return created;
  });
  await deps.activity.appendActivity({
    draftId: input.draftId,
    at: deps.now(),
    actor: by,
    action: 'created',
    flagId: flag.id,
    detail: { kind: flag.kind, quote: flag.quote },
  });
  await notifyMentions(deps, { draftId: input.draftId, flagId: flag.id, by, text: input.comment });
  return flag;
}
