import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { keepStoredMarksPlugin } from '../../../client/editor/extensions/KeepStoredMarks.ts';
import { draftSchemaExtensions } from '../../../shared/schema/extensions.ts';

const schema = getSchema(draftSchemaExtensions());

/** A draft whose caret sits at the end of its body's first paragraph, with Bold switched on there (Ctrl+B). */
function boldAtCaret(): EditorState {
  const json = {
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: 'Headline' }] },
      { type: 'standfirst', content: [{ type: 'text', text: 'Standfirst' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'First words' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph' }] },
    ],
  };
  const doc = schema.nodeFromJSON(json);
  let state = EditorState.create({ schema, doc, plugins: [keepStoredMarksPlugin()] });
  let end = 0;
  doc.descendants((node, pos) => {
    if (node.isText && node.text === 'First words') end = pos + node.nodeSize;
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
  return state.apply(state.tr.setStoredMarks([schema.marks.bold!.create()]));
}

/** A change elsewhere in the copy: text typed at the end of the last paragraph. */
const editElsewhere = (state: EditorState): Transaction => state.tr.insertText(' more', state.doc.content.size - 1);

const storedAfter = (state: EditorState, tr: Transaction) => state.applyTransaction(tr).state.storedMarks?.map((mark) => mark.type.name) ?? null;

describe('marks switched on at the caret', () => {
  it('stay on through a change that came from elsewhere through the sync binding', () => {
    const state = boldAtCaret();
    expect(storedAfter(state, editElsewhere(state).setMeta(ySyncPluginKey, { isChangeOrigin: true }))).toEqual(['bold']);
    // The binding's redraw when the editor's plugins change carries the same meta.
    expect(storedAfter(state, editElsewhere(state).setMeta(ySyncPluginKey, { isChangeOrigin: true, binding: {} }))).toEqual(['bold']);
  });

  it('go, as ProseMirror always has them go, with the writer’s own edit, move or undo', () => {
    const state = boldAtCaret();
    expect(storedAfter(state, editElsewhere(state))).toBeNull();
    expect(storedAfter(state, state.tr.setSelection(TextSelection.create(state.doc, 3)))).toBeNull();
    expect(storedAfter(state, editElsewhere(state).setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: true }))).toBeNull();
  });
});
