import type { JSONContent } from '@tiptap/core';
import type { SignoffView } from '../../shared/api/versions.ts';
import { draftJSONToHtml } from '../drafts/draftJSONToHtml.ts';
import { escapeHtml } from '../drafts/escapeHtml.ts';
import { draftToMarkdown } from './draftToMarkdown.ts';

export type ExportFormat = 'html' | 'md' | 'json';

export interface ExportInput {
  title: string;
  /** Sanitized copy (canonicalContent.ts#bodyJSONOfDoc): flags are never part of it. */
  content: JSONContent;
  /** The sign-off of exactly this copy, when there is one. */
  signoff: SignoffView | null;
  /** A version id, or `live`; goes into the file name. */
  label: string;
}

export interface ExportedFile {
  body: string;
  contentType: string;
  filename: string;
}

/**
 * The copy as a file. HTML: a standalone page (no script; every link
 * re-checked by the sanitizer before the schema renders it), with the
 * sign-off as `<meta name="copydesk-signoff-*">` tags and a footer block.
 * Markdown: a front-matter block holding the sign-off (values as JSON
 * strings, which YAML reads too), then the copy. JSON: `{ content, signoff }`,
 * where `sha256(canonicalJSON(content))` is the sign-off's hash.
 */
export function exportDraft(input: ExportInput, format: ExportFormat): ExportedFile {
  const base = `${slug(input.title)}-${input.label}`;
  switch (format) {
    case 'json':
      return {
        body: JSON.stringify({ content: input.content, signoff: input.signoff }, null, 2),
        contentType: 'application/json; charset=utf-8',
        filename: `${base}.json`,
      };
    case 'md':
      return { body: markdownFile(input), contentType: 'text/markdown; charset=utf-8', filename: `${base}.md` };
    case 'html':
      return { body: htmlFile(input), contentType: 'text/html; charset=utf-8', filename: `${base}.html` };
  }
}

function markdownFile(input: ExportInput): string {
  const copy = draftToMarkdown(input.content);
  const s = input.signoff;
  if (!s) return copy;
  const q = (value: unknown) => JSON.stringify(value ?? null);
  const lines = [
    '---',
    'signoff:',
    `  id: ${q(s.id)}`,
    `  versionId: ${q(s.versionId)}`,
    `  hash: ${q(s.hash)}`,
    `  by: ${q(s.by.name)}`,
    `  byId: ${q(s.by.id)}`,
    `  at: ${q(s.at)}`,
    `  note: ${q(s.note)}`,
    `  override: ${q(s.override)}`,
    `  openFlags: ${s.openFlags.length}`,
    '---',
    '',
  ];
  return `${lines.join('\n')}${copy}`;
}

function htmlFile(input: ExportInput): string {
  const s = input.signoff;
  const meta = s
    ? [
        ['copydesk-signoff-id', s.id],
        ['copydesk-signoff-hash', s.hash],
        ['copydesk-signoff-by', s.by.name],
        ['copydesk-signoff-at', s.at],
      ]
        .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content!)}">`)
        .join('\n')
    : '';
  const footer = s
    ? `<footer class="copydesk-signoff" data-signoff-id="${escapeHtml(s.id)}">
<p>Signed off by ${escapeHtml(s.by.name)} at ${escapeHtml(s.at)}.</p>
${s.note ? `<p>Note: ${escapeHtml(s.note)}</p>` : ''}
${s.override ? `<p>Override of open legal-risk flags: ${escapeHtml(s.override)}</p>` : ''}
<p>Content hash (SHA-256): <code>${escapeHtml(s.hash)}</code></p>
</footer>`
    : '';
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
${meta}
</head>
<body>
<article>
${draftJSONToHtml(input.content)}
</article>
${footer}
</body>
</html>
`;
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'draft'
  );
}
