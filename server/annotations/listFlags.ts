import type { FlagView } from '../../shared/api/annotationAnswers.ts';
import { onDraft, type AnnotationDeps } from './annotationDeps.ts';
import { readDraftText, spanOf, textOf } from './draftText.ts';
import { readFlags } from './flagRecord.ts';

/**
 * A draft's flags in document order (by where each starts), with what the
 * live copy says of each span. Flags whose text is removed come last, oldest
 * first; they keep their quote. 404 for an unknown draft.
 */
export async function listFlags(deps: AnnotationDeps, draftId: string): Promise<FlagView[]> {
  return onDraft(deps, draftId, async (room) => {
    const text = readDraftText(room.doc);
    const views = readFlags(room.doc).map((flag) => {
      const span = spanOf(text, flag.start, flag.end);
      return { view: { ...flag, isTextRemoved: span === null, currentText: textOf(text, span) }, from: span?.from };
    });
    views.sort(
      (a, b) =>
        (a.from ?? Number.POSITIVE_INFINITY) - (b.from ?? Number.POSITIVE_INFINITY) ||
        a.view.createdAt.localeCompare(b.view.createdAt),
    );
    return views.map((v) => v.view);
  });
}

/** One flag as the list shows it; undefined when the draft has no such flag. */
export async function viewFlag(deps: AnnotationDeps, draftId: string, flagId: string): Promise<FlagView | undefined> {
  return (await listFlags(deps, draftId)).find((flag) => flag.id === flagId);
}
