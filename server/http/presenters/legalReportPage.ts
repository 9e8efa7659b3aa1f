import type { FlagView } from '../../../shared/api/annotationAnswers.ts';
import { FLAG_KIND_NAMES, FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Comment, Flag, FlagEvent } from '../../../shared/annotations/types.ts';
import { FLAG_FIELD_WORDS, FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { escapeHtml } from '../../drafts/escapeHtml.ts';

export interface LegalReport {
  title: string;
  flags: FlagView[];
  generatedAt: Date;
}

const STYLE = `
body{font:15px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.6rem}section{border-top:1px solid #999;padding:1rem 0;break-inside:avoid}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #444;background:#f4f4f4;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}dt{font-weight:bold}dd{margin:0}
ol{padding-left:1.25rem}li{margin:.35rem 0}.meta{color:#555;font-size:.9em}.text{white-space:pre-wrap}
.removed{color:#a00;font-weight:bold}@media print{body{margin:0}}`;

/**
 * The printable legal report: every flag with its quote, kind, status,
 * fields and whole thread. Every piece of text from users or the copy goes
 * through escapeHtml, links included (shown as text, never as `href`): the
 * page has no script and no user markup, and the app's CSP forbids inline
 * script anyway.
 */
export function renderLegalReport(report: LegalReport): string {
  const e = escapeHtml;
  const counts = countByKind(report.flags);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Legal report: ${e(report.title)}</title>
<style>${STYLE}</style></head>
<body><h1>Legal report: ${e(report.title)}</h1>
<p class="meta">Generated ${time(report.generatedAt.toISOString())} · ${report.flags.length} ${report.flags.length === 1 ? 'flag' : 'flags'} · ${e(counts)}</p>
${report.flags.map(renderFlag).join('\n')}
</body></html>`;
}

function renderFlag(flag: FlagView, index: number): string {
  const e = escapeHtml;
  const kind = FLAG_KIND_WORDS[flag.kind].label;
  const status = flag.status === FLAG_STATUSES.resolved ? 'Resolved' : 'Open';
  const rows: Array<[string, string]> = [
    ['Kind', e(kind)],
    ['Status', flag.resolvedBy && flag.resolvedAt ? `${status} by ${e(flag.resolvedBy.name)}, ${time(flag.resolvedAt)}` : status],
    ['Flagged by', `${e(flag.createdBy.name)}, ${time(flag.createdAt)}`],
    ...fieldRows(flag),
  ];
  return `<section><h2>${index + 1}. ${e(kind)} · ${status}</h2>
<blockquote>${e(flag.quote)}</blockquote>
${flag.isTextRemoved ? '<p class="removed">The flagged text has been removed from the copy.</p>' : ''}
${flag.clearedQuote !== undefined && flag.clearedQuote !== flag.currentText ? `<p>Text as cleared:</p><blockquote>${e(flag.clearedQuote)}</blockquote><p>Text now:</p><blockquote>${e(flag.currentText)}</blockquote>` : ''}
<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h3>Thread</h3><ol>${flag.comments.map(renderComment).join('')}</ol>
<h3>History</h3><ol>${flag.events.map(renderEvent).join('')}</ol></section>`;
}

/** Rows of the flag's fields, as HTML (user text escaped). */
function fieldRows(flag: Flag): Array<[string, string]> {
  const e = escapeHtml;
  const rows: Array<[string, string]> = [];
  if (flag.assignee) rows.push(['Assigned to', e(flag.assignee.name) + (flag.dueAt ? `, due ${time(flag.dueAt)}` : '')]);
  if (flag.claim) {
    const { verification, verifiedBy, verifiedAt } = flag.claim;
    const who = verifiedBy ? ` by ${e(verifiedBy.name)}${verifiedAt ? `, ${time(verifiedAt)}` : ''}` : '';
    rows.push(['Verification', FLAG_FIELD_WORDS[verification] + who]);
    if (flag.claim.evidence) rows.push(['Evidence', e(flag.claim.evidence)]);
  }
  if (flag.source?.attribution) rows.push(['Attribution', e(flag.source.attribution)]);
  if (flag.legal?.category) rows.push(['Category', FLAG_FIELD_WORDS[flag.legal.category]]);
  if (flag.legal?.severity) rows.push(['Severity', FLAG_FIELD_WORDS[flag.legal.severity]]);
  if (flag.legal?.decision) rows.push(['Decision', FLAG_FIELD_WORDS[flag.legal.decision]]);
  return rows;
}

function renderComment(comment: Comment): string {
  const e = escapeHtml;
  const meta = `<span class="meta">${e(comment.author.name)}, ${time(comment.createdAt)}${comment.history.length > 0 ? ` (edited ${comment.history.length}×)` : ''}</span>`;
  if (comment.deleted) return `<li>${meta} <em>comment deleted</em></li>`;
  const earlier = comment.history
    .map((edit) => `<li><span class="meta">before ${time(edit.editedAt)}:</span> <span class="text">${e(edit.text)}</span></li>`)
    .join('');
  return `<li>${meta}<div class="text">${e(comment.text)}</div>${earlier ? `<ol>${earlier}</ol>` : ''}</li>`;
}

/** How each history event reads after its author's name (or on its own, when the server saw it). */
const EVENT_WORDS: Record<string, string> = {
  created: 'flagged it',
  resolved: 'resolved it',
  reopened: 'reopened it',
  assigned: 'assigned it',
  fields: 'changed its details',
  'changed-after-clearance': 'the cleared text changed',
};

function renderEvent(event: FlagEvent): string {
  const e = escapeHtml;
  const words = e(EVENT_WORDS[event.action] ?? event.action);
  const what = event.by ? `${e(event.by.name)} ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
  const change =
    event.before !== undefined ? ` — was “${e(event.before)}”, now “${e(event.after ?? '')}”` : '';
  return `<li><span class="meta">${time(event.at)}</span> ${what}${event.note ? `: ${e(event.note)}` : ''}${change}</li>`;
}

function countByKind(flags: readonly Flag[]): string {
  const open = FLAG_KIND_NAMES.map((kind) => {
    const count = flags.filter((f) => f.kind === kind && f.status === FLAG_STATUSES.open).length;
    return `${count} ${count === 1 ? FLAG_KIND_WORDS[kind].label.toLowerCase() : FLAG_KIND_WORDS[kind].plural}`;
  });
  return `open: ${open.join(', ')}`;
}

/**
 * A stored ISO time as people read it, in UTC (a printed report is read in
 * other places and later; its times must not depend on where), with the exact
 * instant kept in the element.
 */
const READABLE_UTC = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'medium' });

function time(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return escapeHtml(iso);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(READABLE_UTC.format(at))} UTC</time>`;
}
