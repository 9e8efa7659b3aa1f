import type { FlagView } from '../../../shared/api/annotationAnswers.ts';
import type { Comment, Flag, FlagEvent } from '../../../shared/annotations/types.ts';
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
<p class="meta">Generated ${e(report.generatedAt.toISOString())} · ${report.flags.length} flags · ${e(counts)}</p>
${report.flags.map(renderFlag).join('\n')}
</body></html>`;
}

function renderFlag(flag: FlagView, index: number): string {
  const e = escapeHtml;
  const rows: Array<[string, string]> = [
    ['Kind', flag.kind],
    ['Status', flag.status + (flag.resolvedBy ? ` by ${flag.resolvedBy.name} at ${flag.resolvedAt ?? ''}` : '')],
    ['Flagged by', `${flag.createdBy.name} at ${flag.createdAt}`],
    ...fieldRows(flag),
  ];
  return `<section><h2>${index + 1}. ${e(flag.kind)} · ${e(flag.status)}</h2>
<blockquote>${e(flag.quote)}</blockquote>
${flag.isTextRemoved ? '<p class="removed">The flagged text has been removed from the copy.</p>' : ''}
${flag.clearedQuote !== undefined && flag.clearedQuote !== flag.currentText ? `<p>Text as cleared:</p><blockquote>${e(flag.clearedQuote)}</blockquote><p>Text now:</p><blockquote>${e(flag.currentText)}</blockquote>` : ''}
<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<h3>Thread</h3><ol>${flag.comments.map(renderComment).join('')}</ol>
<h3>History</h3><ol>${flag.events.map(renderEvent).join('')}</ol></section>`;
}

function fieldRows(flag: Flag): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (flag.assignee) rows.push(['Assigned to', flag.assignee.name + (flag.dueAt ? `, due ${flag.dueAt}` : '')]);
  if (flag.claim) {
    rows.push(['Verification', flag.claim.verification + (flag.claim.verifiedBy ? ` by ${flag.claim.verifiedBy.name}` : '')]);
    if (flag.claim.evidence) rows.push(['Evidence', flag.claim.evidence]);
  }
  if (flag.source?.attribution) rows.push(['Attribution', flag.source.attribution]);
  if (flag.legal?.category) rows.push(['Category', flag.legal.category]);
  if (flag.legal?.severity) rows.push(['Severity', flag.legal.severity]);
  if (flag.legal?.decision) rows.push(['Decision', flag.legal.decision]);
  return rows;
}

function renderComment(comment: Comment): string {
  const e = escapeHtml;
  const meta = `<span class="meta">${e(comment.author.name)}, ${e(comment.createdAt)}${comment.history.length > 0 ? ` (edited ${comment.history.length}×)` : ''}</span>`;
  if (comment.deleted) return `<li>${meta} <em>comment deleted</em></li>`;
  const earlier = comment.history
    .map((edit) => `<li><span class="meta">before ${e(edit.editedAt)}:</span> <span class="text">${e(edit.text)}</span></li>`)
    .join('');
  return `<li>${meta}<div class="text">${e(comment.text)}</div>${earlier ? `<ol>${earlier}</ol>` : ''}</li>`;
}

function renderEvent(event: FlagEvent): string {
  const e = escapeHtml;
  const change =
    event.before !== undefined ? ` — was “${e(event.before)}”, now “${e(event.after ?? '')}”` : '';
  return `<li><span class="meta">${e(event.at)}</span> ${e(event.action)}${event.by ? ` by ${e(event.by.name)}` : ''}${event.note ? `: ${e(event.note)}` : ''}${change}</li>`;
}

function countByKind(flags: readonly Flag[]): string {
  const open = (kind: string) => flags.filter((f) => f.kind === kind && f.status === 'open').length;
  return `open: ${open('claim')} claim, ${open('source-needed')} source-needed, ${open('legal-risk')} legal-risk`;
}
