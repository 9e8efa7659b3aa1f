import type * as Y from 'yjs';
import type { FlagView } from '../../shared/api/annotationAnswers.ts';
import { readDraftText, spanOf, textOf } from '../annotations/draftText.ts';
import { readFlags } from '../annotations/flagRecord.ts';
import type { OpenFlagRef } from '../storage/VersionStore.ts';

/**
 * The flags a document holds (a version's, or the live draft's), each with
 * what that document's copy says of its span, in document order; flags whose
 * text is removed last. The same views as GET /annotations, at any moment.
 */
export function flagViewsOf(doc: Y.Doc): FlagView[] {
  const flags = readFlags(doc);
  if (flags.length === 0) return [];
  const text = readDraftText(doc);
  const views = flags.map((flag) => {
    const span = spanOf(text, flag.start, flag.end);
    return { view: { ...flag, isTextRemoved: span === null, currentText: textOf(text, span) }, from: span?.from };
  });
  views.sort(
    (a, b) =>
      (a.from ?? Number.POSITIVE_INFINITY) - (b.from ?? Number.POSITIVE_INFINITY) ||
      a.view.createdAt.localeCompare(b.view.createdAt),
  );
  return views.map((v) => v.view);
}

/** The open flags of a document, as a sign-off records them. */
export function openFlagsOf(doc: Y.Doc): OpenFlagRef[] {
  return readFlags(doc)
    .filter((flag) => flag.status === 'open')
    .map((flag) => ({ id: flag.id, kind: flag.kind, quote: flag.quote, status: flag.status }));
}
