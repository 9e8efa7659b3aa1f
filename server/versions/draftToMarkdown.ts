import type { JSONContent } from '@tiptap/core';
import { isSafeUrl } from '../../shared/schema/safeUrl.ts';

/**
 * A draft's copy (sanitized ProseMirror JSON of the draft schema) as
 * CommonMark. Decisions:
 * - the headline is `# …`; body headings keep their level (`##`–`####`);
 * - the standfirst is one paragraph in italics (`*…*`, its own italics dropped);
 * - block quotes are `> …`; a pull quote is a block quote preceded by the
 *   HTML comment `<!-- pull-quote -->` (Markdown has no pull quote);
 * - bold `**`, italic `*`, strike `~~`; underline has no Markdown and is dropped;
 * - a link is `[text](href)` only when `isSafeUrl(href)`, else its text;
 * - a horizontal rule is `---`, a hard break a backslash at the end of the line;
 * - text is escaped so that nothing in the copy becomes markup.
 * Returns '' for an empty draft.
 */
export function draftToMarkdown(doc: JSONContent): string {
  const blocks = (doc.content ?? []).map((node) => block(node)).filter((text) => text !== null);
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

function block(node: JSONContent): string | null {
  switch (node.type) {
    case 'headline':
      return prefixed('# ', inline(node.content));
    case 'standfirst': {
      const text = inline(node.content, new Set(['italic']));
      return text.trim() === '' ? null : `*${text.trim()}*`;
    }
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 2, 1), 6);
      return prefixed(`${'#'.repeat(level)} `, inline(node.content));
    }
    case 'paragraph':
      return inline(node.content);
    case 'blockquote':
      return quote(children(node));
    case 'pullQuote':
      return `<!-- pull-quote -->\n${quote(inline(node.content))}`;
    case 'bulletList':
      return list(node, () => '- ');
    case 'orderedList': {
      const start = Number(node.attrs?.start) || 1;
      return list(node, (i) => `${start + i}. `);
    }
    case 'horizontalRule':
      return '---';
    default:
      return node.content ? children(node) : null;
  }
}

const children = (node: JSONContent): string =>
  (node.content ?? []).map(block).filter((text) => text !== null).join('\n\n');

const prefixed = (prefix: string, text: string) => `${prefix}${text}`.trimEnd();

const quote = (text: string) => text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');

function list(node: JSONContent, marker: (index: number) => string): string {
  return (node.content ?? [])
    .map((item, i) => {
      const lead = marker(i);
      const pad = ' '.repeat(lead.length);
      return children(item)
        .split('\n')
        .map((line, n) => (n === 0 ? `${lead}${line}` : line ? `${pad}${line}` : ''))
        .join('\n');
    })
    .join('\n');
}

const MARK_ORDER = ['link', 'bold', 'italic', 'strike'] as const;
const DELIMITERS: Record<string, string> = { bold: '**', italic: '*', strike: '~~' };

function inline(content: JSONContent[] | undefined, dropMarks: ReadonlySet<string> = new Set()): string {
  let out = '';
  for (const node of content ?? []) {
    if (node.type === 'hardBreak') {
      out += '\\\n';
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    let text = escapeMarkdown(node.text);
    const marks = (node.marks ?? []).filter((mark) => !dropMarks.has(mark.type));
    for (const name of [...MARK_ORDER].reverse()) {
      const mark = marks.find((m) => m.type === name);
      if (!mark) continue;
      if (name === 'link') {
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
        if (isSafeUrl(href)) text = `[${text}](<${href.replace(/[<>\n]/g, encodeURIComponent)}>)`;
      } else {
        text = wrap(text, DELIMITERS[name]!);
      }
    }
    out += text;
  }
  return out;
}

/** Delimiters hug the text; surrounding spaces stay outside (CommonMark needs that). */
function wrap(text: string, delimiter: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
  return match[2] ? `${match[1]}${delimiter}${match[2]}${delimiter}${match[3]}` : text;
}

/** Backslash-escapes every ASCII punctuation character Markdown could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (char) => `\\${char}`);
}
