import type { JSONContent } from '@tiptap/core';

/** The plain text of a node and its descendants, hard breaks as '\n'. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

/** The draft's blocks after the headline and standfirst. */
export function bodyOf(doc: JSONContent): JSONContent[] {
  return (doc.content ?? []).slice(2);
}

/** Every mark of every text node in the draft, in order. */
export function marksOf(node: JSONContent): NonNullable<JSONContent['marks']> {
  return [...(node.marks ?? []), ...(node.content ?? []).flatMap(marksOf)];
}

/** Every node type used in the draft, including text. */
export function nodeTypesOf(node: JSONContent): string[] {
  return [node.type ?? '?', ...(node.content ?? []).flatMap(nodeTypesOf)];
}
