import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const HEADLINE_PLACEHOLDER = 'Headline';
export const STANDFIRST_PLACEHOLDER = 'Standfirst — the one-sentence summary';
export const BODY_PLACEHOLDER = 'Start writing the story…';

/**
 * Placeholders for the three parts of a draft. The headline and standfirst
 * show theirs whenever they are empty; the body shows its own only while it is
 * a single empty paragraph, so empty paragraphs later in a story stay blank.
 * Only the top three children are looked at, so this costs nothing per keystroke.
 * The text is drawn by CSS from `data-placeholder` (styles/editor.css); nothing
 * shows while the editor is read-only (loading, or disconnected for good).
 */
export const DraftPlaceholder = Extension.create({
  name: 'draftPlaceholder',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('draftPlaceholder'),
        props: {
          decorations: (state) => {
            if (!editor.isEditable) return DecorationSet.empty;
            const decorations: Decoration[] = [];
            const { doc } = state;
            let pos = 0;
            for (let index = 0; index < Math.min(doc.childCount, 3); index++) {
              const child = doc.child(index);
              const text = placeholderFor(doc, child, index);
              if (text) {
                decorations.push(
                  Decoration.node(pos, pos + child.nodeSize, { class: 'is-empty', 'data-placeholder': text }),
                );
              }
              pos += child.nodeSize;
            }
            return DecorationSet.create(doc, decorations);
          },
        },
      }),
    ];
  },
});

function placeholderFor(doc: PMNode, child: PMNode, index: number): string | null {
  if (child.content.size > 0) return null;
  if (index === 0 && child.type.name === 'headline') return HEADLINE_PLACEHOLDER;
  if (index === 1 && child.type.name === 'standfirst') return STANDFIRST_PLACEHOLDER;
  if (index === 2 && doc.childCount === 3 && child.type.name === 'paragraph') return BODY_PLACEHOLDER;
  return null;
}
