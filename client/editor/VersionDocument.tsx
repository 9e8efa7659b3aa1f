import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { draftSchemaExtensions } from '../../shared/schema/extensions.ts';
import { DiffDelete, DiffInsert } from './extensions/DiffMarks.ts';
import '../styles/editor.css';
import '../styles/versions.css';

const viewExtensions = () => [...draftSchemaExtensions(), DiffInsert, DiffDelete];

export interface VersionDocumentProps {
  /** ProseMirror JSON of a whole draft (a version, or a compare with diff marks). */
  content: unknown;
  /** The accessible name of the page ("Version “after legal read”"). */
  label: string;
}

/**
 * A draft drawn read-only with the editor's own schema and typography: a
 * Tiptap editor with no collaboration, not editable, whose text can still be
 * selected and copied. Compare marks (diffInsert, diffDelete) are drawn as
 * inserted and deleted text. Nodes and marks this schema does not know are
 * dropped (their text kept), so a newer server's document still opens.
 */
export function VersionDocument({ content, label }: VersionDocumentProps) {
  const doc = useMemo(() => toKnownContent(content), [content]);
  const editor = useEditor(
    {
      extensions: viewExtensions(),
      content: doc,
      editable: false,
      editorProps: {
        attributes: { class: 'copy', role: 'document', 'aria-label': label, 'aria-readonly': 'true' },
      },
    },
    [doc, label],
  );
  return (
    <article className="page page--version">
      <EditorContent editor={editor} className="copy-frame" />
    </article>
  );
}

let knownNames: { nodes: Set<string>; marks: Set<string> } | null = null;

function names() {
  if (!knownNames) {
    const schema = getSchema(viewExtensions());
    knownNames = { nodes: new Set(Object.keys(schema.nodes)), marks: new Set(Object.keys(schema.marks)) };
  }
  return knownNames;
}

/** `value` as JSON content of known nodes and marks; an empty draft when it is not a document at all. */
export function toKnownContent(value: unknown): JSONContent {
  const known = names();
  const clean = (node: unknown): JSONContent[] => {
    if (typeof node !== 'object' || node === null) return [];
    const raw = node as JSONContent;
    const children = Array.isArray(raw.content) ? raw.content.flatMap(clean) : undefined;
    if (typeof raw.type !== 'string' || !known.nodes.has(raw.type)) return children ?? [];
    const marks = Array.isArray(raw.marks)
      ? raw.marks.filter((mark) => typeof mark?.type === 'string' && known.marks.has(mark.type))
      : undefined;
    if (raw.type === 'text') {
      return typeof raw.text === 'string' && raw.text !== '' ? [{ type: 'text', text: raw.text, ...(marks?.length ? { marks } : {}) }] : [];
    }
    return [{ type: raw.type, ...(raw.attrs ? { attrs: raw.attrs } : {}), ...(children ? { content: children } : {}) }];
  };
  const [doc] = clean(value);
  if (doc?.type === 'doc') return doc;
  return { type: 'doc', content: [{ type: 'headline' }, { type: 'standfirst' }, { type: 'paragraph' }] };
}
