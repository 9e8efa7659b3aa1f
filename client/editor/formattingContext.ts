import type { EditorState } from '@tiptap/pm/state';

/**
 * What the formatting buttons' answers depend on when the selection is a
 * caret: the blocks around it (their types, and a heading's level) and the
 * marks it would type with. Typing inside one paragraph keeps it the same,
 * so the toolbar can keep its answers instead of asking every command again
 * (milliseconds a key on a long draft). Null for a range selection, whose
 * answers depend on everything inside it: those are always asked afresh.
 */
export function formattingContextOf(state: EditorState, isEditable: boolean): string | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  const parts: string[] = [isEditable ? 'editable' : 'read-only'];
  for (let depth = 0; depth <= $from.depth; depth++) {
    const node = $from.node(depth);
    parts.push(`${node.type.name}:${node.attrs.level ?? ''}`);
  }
  for (const mark of state.storedMarks ?? $from.marks()) parts.push(`mark:${mark.type.name}`);
  return parts.join('|');
}
