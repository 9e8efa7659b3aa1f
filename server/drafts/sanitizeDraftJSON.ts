import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { isSafeUrl } from '../../shared/schema/safeUrl.ts';
import { DRAFT_SCHEMA } from './draftSchema.ts';

type JSONMark = NonNullable<JSONContent['marks']>[number];
type Attrs = Record<string, string | number | boolean | null>;

/**
 * Draft JSON cut down to what the schema knows, for content that may not have
 * passed the editor's parse rules (a hostile client can write anything into
 * the Y.XmlFragment). Unknown nodes are dropped with their content, unknown
 * marks and attributes are dropped, attribute values that are not JSON
 * primitives are dropped, text that is not a non-empty string is dropped, and
 * a link whose href fails `isSafeUrl` loses the link but keeps its text. A link
 * keeps only its href and title, so rel and target come from the schema's defaults.
 *
 * Structure is not repaired: the result may still fail `check()` (a paragraph
 * at the top, say), which rendering tolerates and importing never produces.
 * Returns an empty doc for anything that is not a doc.
 */
export function sanitizeDraftJSON(value: unknown, schema: Schema = DRAFT_SCHEMA): JSONContent {
  const root = isRecord(value) && value.type === schema.topNodeType.name ? value : { content: [] };
  return { type: schema.topNodeType.name, content: sanitizeChildren(root.content, schema) };
}

function sanitizeChildren(content: unknown, schema: Schema): JSONContent[] {
  if (!Array.isArray(content)) return [];
  return content.map((child) => sanitizeNode(child, schema)).filter((child) => child !== null);
}

function sanitizeNode(value: unknown, schema: Schema): JSONContent | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  if (value.type === 'text') {
    if (typeof value.text !== 'string' || value.text === '') return null;
    const marks = sanitizeMarks(value.marks, schema);
    return marks.length > 0 ? { type: 'text', text: value.text, marks } : { type: 'text', text: value.text };
  }
  if (!Object.hasOwn(schema.nodes, value.type) || value.type === schema.topNodeType.name) return null;
  const type = schema.nodes[value.type]!;
  const node: JSONContent = { type: type.name };
  const attrs = pickAttrs(value.attrs, Object.keys(type.spec.attrs ?? {}));
  if (attrs) node.attrs = attrs;
  const content = sanitizeChildren(value.content, schema);
  if (content.length > 0) node.content = content;
  return node;
}

function sanitizeMarks(value: unknown, schema: Schema): JSONMark[] {
  if (!Array.isArray(value)) return [];
  const marks: JSONMark[] = [];
  for (const mark of value) {
    if (!isRecord(mark) || typeof mark.type !== 'string' || !Object.hasOwn(schema.marks, mark.type)) continue;
    if (marks.some((kept) => kept.type === mark.type)) continue;
    if (mark.type === 'link') {
      const href = isRecord(mark.attrs) ? mark.attrs.href : undefined;
      if (typeof href !== 'string' || !isSafeUrl(href)) continue;
      const title = isRecord(mark.attrs) && typeof mark.attrs.title === 'string' ? mark.attrs.title : null;
      marks.push({ type: 'link', attrs: title === null ? { href } : { href, title } });
      continue;
    }
    const attrs = pickAttrs(mark.attrs, Object.keys(schema.marks[mark.type]!.spec.attrs ?? {}));
    marks.push(attrs ? { type: mark.type, attrs } : { type: mark.type });
  }
  return marks;
}

function pickAttrs(value: unknown, allowed: string[]): Attrs | undefined {
  if (!isRecord(value)) return undefined;
  const attrs: Attrs = {};
  for (const name of allowed) {
    const attr = value[name];
    if (attr === null || ['string', 'number', 'boolean'].includes(typeof attr)) {
      attrs[name] = attr as Attrs[string];
    }
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
