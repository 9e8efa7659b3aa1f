import { FLAG_KINDS, FLAG_STATUSES } from '../../shared/annotations/kinds.ts';
import { canResolve } from '../../shared/annotations/rules.ts';
import type { Flag } from '../../shared/annotations/types.ts';
import type { Principal } from '../auth/principal.ts';
import { conflict, forbidden } from '../appError.ts';
import { personOf, type AnnotationDeps } from './annotationDeps.ts';
import { spanOf, textOf } from './draftText.ts';
import { changeFlag } from './flagChange.ts';
import { appendEvent, setFlagFields } from './flagWrites.ts';

interface ResolutionInput {
  draftId: string;
  flagId: string;
  principal: Principal;
  note?: string;
}

/**
 * Resolves an open flag. A legal-risk flag only by legal or a chief (403);
 * resolving one records the span's text now as `clearedQuote`, which the
 * clearance watcher compares later edits against. 409 when already resolved.
 */
export async function resolveFlag(deps: AnnotationDeps, input: ResolutionInput): Promise<Flag> {
  const by = personOf(input.principal);
  const { flag } = await changeFlag(deps, input, ({ map, flag, now, text }) => {
    refuseUnlessMayResolve(input.principal, flag);
    if (flag.status === FLAG_STATUSES.resolved) throw conflict('this flag is already resolved');
    const clearedQuote =
      flag.kind === FLAG_KINDS.legalRisk ? textOf(text(), spanOf(text(), flag.start, flag.end)) : undefined;
    setFlagFields(map, { status: FLAG_STATUSES.resolved, resolvedBy: by, resolvedAt: now, clearedQuote });
    appendEvent(map, { at: now, by, action: 'resolved', ...(input.note ? { note: input.note } : {}) });
    return { action: 'resolved', detail: input.note ? { note: input.note } : {} };
  });
  return flag;
}

/**
 * Reopens a resolved flag; the same roles as resolving (403). 409 when
 * already open. `clearedQuote` stays, to show what was cleared; who resolved
 * it stays in `events`.
 */
export async function reopenFlag(deps: AnnotationDeps, input: ResolutionInput): Promise<Flag> {
  const by = personOf(input.principal);
  const { flag } = await changeFlag(deps, input, ({ map, flag, now }) => {
    refuseUnlessMayResolve(input.principal, flag);
    if (flag.status === FLAG_STATUSES.open) throw conflict('this flag is already open');
    setFlagFields(map, { status: FLAG_STATUSES.open, resolvedBy: undefined, resolvedAt: undefined });
    appendEvent(map, { at: now, by, action: 'reopened', ...(input.note ? { note: input.note } : {}) });
    return { action: 'reopened', detail: input.note ? { note: input.note } : {} };
  });
  return flag;
}

function refuseUnlessMayResolve(principal: Principal, flag: Flag): void {
  if (!canResolve(principal.role, flag.kind)) {
    throw forbidden(
      flag.kind === FLAG_KINDS.legalRisk
        ? 'only legal and chiefs may resolve or reopen a legal-risk flag'
        : `the ${principal.role} role may not resolve or reopen flags`,
    );
  }
}
