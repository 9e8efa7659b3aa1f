import type { FlagAction } from '../../shared/annotations/activityActions.ts';
import type { Flag } from '../../shared/annotations/types.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../appError.ts';
import { personOf, onDraft, type AnnotationDeps } from './annotationDeps.ts';
import { readDraftText, type DraftText } from './draftText.ts';
import { findFlagMap, readFlag, type FlagMap } from './flagRecord.ts';

export interface FlagChangeInput {
  draftId: string;
  flagId: string;
  principal: Principal;
}

export interface FlagChangeScope {
  map: FlagMap;
  /** The flag before the change. */
  flag: Flag;
  now: string;
  /** The copy as ProseMirror sees it, built on first use. */
  text: () => DraftText;
}

export interface FlagChangeResult<T> {
  flag: Flag;
  /** What `change` returned: the activity detail, and whatever else the command needs. */
  outcome: T;
}

/**
 * The frame of every command on an existing flag: find the draft (404) and
 * the flag (404), run `change` as one server write, log activity, and read
 * the flag back. `change` runs inside the write's transaction, so the flag it
 * sees is exactly the one it changes; it must throw before writing anything
 * (checks first, then writes), or the partial change would be stored. The
 * activity entry is appended after the change is durable: a logged action
 * always happened.
 */
export async function changeFlag<T extends { action: FlagAction; detail: Record<string, unknown> } | null>(
  deps: AnnotationDeps,
  input: FlagChangeInput,
  change: (scope: FlagChangeScope) => T,
): Promise<FlagChangeResult<T>> {
  return onDraft(deps, input.draftId, async (room) => {
    let outcome!: T;
    await room.writeAsServer((doc) => {
      const map = findFlagMap(doc, input.flagId);
      if (!map) throw notFound(`no flag with id ${JSON.stringify(input.flagId.slice(0, 80))} in this draft`);
      let text: DraftText | undefined;
      outcome = change({
        map,
        flag: readFlag(map),
        now: new Date(deps.now()).toISOString(),
        text: () => (text ??= readDraftText(doc)),
      });
    });
    if (outcome) {
      await deps.activity.appendActivity({
        draftId: input.draftId,
        at: deps.now(),
        actor: personOf(input.principal),
        action: outcome.action,
        flagId: input.flagId,
        detail: outcome.detail,
      });
    }
    const map = findFlagMap(room.doc, input.flagId);
    if (!map) throw notFound(`no flag with id ${JSON.stringify(input.flagId.slice(0, 80))} in this draft`);
    return { flag: readFlag(map), outcome };
  });
}
