import type { ImportFormat } from '../../shared/api/drafts.ts';

const FORMATS_BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

const BLOCK_TAGS = 'p|h[1-6]|div|article|section|main|header|aside|ul|ol|blockquote|table|figure|pre';
// A document, a comment, or anything whose very first thing is an element. Markdown almost
// never starts with a tag (`<https://…>` autolinks do not match), and with raw HTML off it
// would show such a tag as literal text anyway.
const STARTS_AS_HTML = /^(?:<!doctype\s+html|<!--|<[a-z][a-z0-9-]*[\s>/])/i;
// Closing tags are what separate real markup from Markdown that mentions `<p>` in passing.
// Both patterns are free of nested quantifiers, so a hostile upload cannot make them backtrack.
const HAS_BLOCK_CLOSE = new RegExp(`</(?:${BLOCK_TAGS}|li)\\s*>`, 'i');
const HAS_BLOCK_OPEN = new RegExp(`<(?:${BLOCK_TAGS}|li)[\\s>]`, 'i');

export interface ImportFormatHints {
  /** What the user chose; always wins. */
  format?: ImportFormat | undefined;
  /** The uploaded file's name; only its extension is used. */
  filename?: string | undefined;
}

/**
 * The format to read `text` as: the explicit format, else the filename's
 * extension, else a sniff of the text. Never throws: an unknown extension falls
 * through to sniffing (HTML when the text starts with a tag or holds block
 * markup with closing tags), and text that is not clearly HTML is read as Markdown,
 * which renders plain prose the same way as the text format does.
 */
export function detectImportFormat(text: string, hints: ImportFormatHints = {}): ImportFormat {
  if (hints.format) return hints.format;
  const byExtension = hints.filename ? formatOfFilename(hints.filename) : undefined;
  if (byExtension) return byExtension;
  return looksLikeHtml(text) ? 'html' : 'markdown';
}

/** The format a filename's extension names, or `undefined` for none or an unknown one. */
export function formatOfFilename(filename: string): ImportFormat | undefined {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = base.slice(dot + 1).toLowerCase();
  return Object.hasOwn(FORMATS_BY_EXTENSION, extension) ? FORMATS_BY_EXTENSION[extension] : undefined;
}

function looksLikeHtml(text: string): boolean {
  const start = text.trimStart();
  return STARTS_AS_HTML.test(start) || (HAS_BLOCK_OPEN.test(text) && HAS_BLOCK_CLOSE.test(text));
}
