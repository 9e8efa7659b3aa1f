import { describe, expect, it } from 'vitest';
import type { FlagView } from '../../../shared/api/annotationAnswers.ts';
import { renderLegalReport } from '../../../server/http/presenters/legalReportPage.ts';

const lena = { id: 'a-legal', name: 'Lena Legal' };
const eddie = { id: 'a-editor', name: 'Eddie Editor' };

const legalFlag: FlagView = {
  id: 'f1',
  kind: 'legal-risk',
  start: 's',
  end: 'e',
  quote: 'billing twice for the same repairs',
  currentText: 'billing twice for the same repairs',
  isTextRemoved: false,
  status: 'resolved',
  createdBy: lena,
  createdAt: '2026-12-07T15:31:16.879Z',
  resolvedBy: lena,
  resolvedAt: '2026-12-07T23:05:00.000Z',
  legal: { category: 'contempt', severity: 'high', decision: 'clear-with-changes' },
  events: [
    { at: '2026-12-07T15:31:16.879Z', by: lena, action: 'created' },
    { at: '2026-12-07T16:00:00.000Z', by: null, action: 'changed-after-clearance', before: 'billing twice', after: 'billing' },
  ],
  comments: [{ id: 'c1', author: lena, text: 'Is it in the minutes?', createdAt: '2026-12-07T15:31:16.879Z', history: [], deleted: false }],
};

const claimFlag: FlagView = {
  ...legalFlag,
  id: 'f2',
  kind: 'claim',
  status: 'open',
  resolvedBy: undefined,
  resolvedAt: undefined,
  legal: undefined,
  createdBy: eddie,
  claim: { verification: 'verified', verifiedBy: eddie, verifiedAt: '2026-12-08T00:30:00.000Z', evidence: 'Minutes, item 7' },
  events: [],
};

describe('the printed legal report', () => {
  const html = renderLegalReport({ title: 'Budget', flags: [legalFlag, claimFlag], generatedAt: new Date('2026-12-08T09:00:00Z') });

  it('names kinds and field values as the desk says them, not as the API spells them', () => {
    expect(html).toContain('<h2>1. Legal risk · Resolved</h2>');
    expect(html).toContain('<h2>2. Claim · Open</h2>');
    expect(html).toContain('<dd>Contempt of court</dd>');
    expect(html).toContain('<dd>Clear with changes</dd>');
    expect(html).toContain('open: 1 claim, 0 sources needed, 0 legal risks');
    expect(html).not.toContain('legal-risk');
  });

  it('gives every time in UTC for people, and the exact instant in the element', () => {
    expect(html).toContain('Generated <time datetime="2026-12-08T09:00:00.000Z">8 Dec 2026, 09:00:00 UTC</time>');
    expect(html).toContain('Resolved by Lena Legal, <time datetime="2026-12-07T23:05:00.000Z">7 Dec 2026, 23:05:00 UTC</time>');
    // Past midnight in UTC is the next day, wherever the server runs.
    expect(html).toContain('Verified by Eddie Editor, <time datetime="2026-12-08T00:30:00.000Z">8 Dec 2026, 00:30:00 UTC</time>');
  });

  it('tells each history event in words, the server’s own without a name', () => {
    expect(html).toContain('15:31:16 UTC</time></span> Lena Legal flagged it</li>');
    expect(html).toContain('16:00:00 UTC</time></span> The cleared text changed — was “billing twice”, now “billing”</li>');
  });
});
