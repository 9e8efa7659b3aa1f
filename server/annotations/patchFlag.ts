import { FLAG_KINDS } from '../../shared/annotations/kinds.ts';
import { canComment, canFlag, canSetLegalFields } from '../../shared/annotations/rules.ts';
import type { Flag, FlagEvent, PersonRef } from '../../shared/annotations/types.ts';
import type { PatchFlagBody } from '../../shared/api/annotations.ts';
import type { Principal } from '../auth/principal.ts';
import { forbidden, validationFailed } from '../appError.ts';
import { personOf, type AnnotationDeps } from './annotationDeps.ts';
import { changeFlag } from './flagChange.ts';
import { appendEvent, setFlagFields } from './flagWrites.ts';
import { notifyAssignment } from './notifyInbox.ts';

export interface PatchFlagInput {
  draftId: string;
  flagId: string;
  principal: Principal;
  patch: PatchFlagBody;
}

/**
 * Sets a flag's structured fields and assignment. Each kind's fields only on
 * that kind (400 `validation_failed`); legal fields only by legal or a chief
 * (403). Setting a claim to verified or disputed records who and when. An
 * assignee must be an existing, enabled account (400); a new assignee other
 * than oneself gets an inbox item.
 */
export async function patchFlag(deps: AnnotationDeps, input: PatchFlagInput): Promise<Flag> {
  const { principal, patch } = input;
  if (!canFlag(principal.role)) throw forbidden(`the ${principal.role} role may not change flags`);
  if (patch.legal && !canSetLegalFields(principal.role)) {
    throw forbidden('only legal and chiefs may set a legal-risk flag\'s category, severity and decision');
  }
  let assignee: PersonRef | null | undefined;
  if (patch.assigneeId !== undefined && patch.assigneeId !== null) {
    const account = await deps.accounts.findAccount(patch.assigneeId);
    if (!account || account.disabled) throw validationFailed('assigneeId: no such account');
    if (!canComment(account.role)) throw validationFailed(`assigneeId: the ${account.role} role does not work on flags`);
    assignee = { id: account.id, name: account.displayName };
  } else if (patch.assigneeId === null) {
    assignee = null;
  }
  const by = personOf(principal);
  const { flag, outcome } = await changeFlag(deps, input, ({ map, flag, now }) => {
    requireKind(flag, 'claim', patch.claim, FLAG_KINDS.claim);
    requireKind(flag, 'source', patch.source, FLAG_KINDS.sourceNeeded);
    requireKind(flag, 'legal', patch.legal, FLAG_KINDS.legalRisk);
    const events: FlagEvent[] = [];
    const changed: string[] = [];
    if (patch.claim) {
      const isDecided = patch.claim.verification !== 'unverified';
      setFlagFields(map, {
        claim: {
          verification: patch.claim.verification,
          ...(patch.claim.evidence ? { evidence: patch.claim.evidence } : {}),
          ...(isDecided ? { verifiedBy: by, verifiedAt: now } : {}),
        },
      });
      changed.push('claim');
    }
    if (patch.source) {
      setFlagFields(map, { source: patch.source.attribution ? { attribution: patch.source.attribution } : {} });
      changed.push('source');
    }
    if (patch.legal) {
      setFlagFields(map, { legal: { ...flag.legal, ...stripUndefined(patch.legal) } });
      changed.push('legal');
    }
    if (changed.length > 0) events.push({ at: now, by, action: 'fields', note: changed.join(', ') });
    const isNewAssignee = assignee !== undefined && (assignee?.id ?? null) !== (flag.assignee?.id ?? null);
    if (assignee !== undefined) setFlagFields(map, { assignee: assignee ?? undefined });
    if (patch.dueAt !== undefined) setFlagFields(map, { dueAt: patch.dueAt ?? undefined });
    if (isNewAssignee || patch.dueAt !== undefined) {
      events.push({ at: now, by, action: 'assigned', note: assignee === null ? 'unassigned' : (assignee ?? flag.assignee)?.name ?? '' });
    }
    for (const event of events) appendEvent(map, event);
    if (events.length === 0) return null;
    return {
      action: isNewAssignee || patch.dueAt !== undefined ? 'assigned' : 'fields',
      detail: { ...patch },
      isNewAssignee,
      quote: flag.quote,
    };
  });
  if (outcome?.isNewAssignee && assignee) {
    await notifyAssignment(deps, {
      draftId: input.draftId,
      flagId: flag.id,
      by,
      text: flag.quote,
      assigneeId: assignee.id,
    });
  }
  return flag;
}

function requireKind(flag: Flag, field: string, value: unknown, kind: Flag['kind']): void {
  if (value !== undefined && flag.kind !== kind) {
    throw validationFailed(`${field}: only a ${kind} flag has ${field} fields; this one is ${flag.kind}`);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
