import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityList, InboxList } from '../../../shared/api/annotationAnswers.ts';
import type { TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';
import { expectError } from '../../support/apiHelpers.ts';
import { DRAFT_ID, anchorsAround, call, createFlag, flagsOf, flagsPath, lastParagraphText, seedFlaggableDraft } from '../../support/flagFixtures.ts';

describe('what flags leave behind: clearance, report, activity, inbox', () => {
  let server: TestServer;
  let writer: TestClient;
  beforeEach(async () => {
    server = await startTestServer();
    writer = await seedFlaggableDraft(server);
  });
  afterEach(async () => {
    writer.destroy();
    await server.dispose();
  });

  it('[AN7] reopens a cleared legal-risk flag when the copy inside it changes, saying who changed what', async () => {
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'took a bribe'), comment: 'Needs the court record.' });
    expect((await call(server, 'legal', 'POST', flagsPath(`/${flag.id}/resolve`), {})).status).toBe(200);

    const text = lastParagraphText(writer.doc);
    text.insert(text.toString().indexOf('a bribe'), 'perhaps ');
    const reopened = await waitFor(async () => (await flagsOf(server)).find((f) => f.status === 'open'), 'the flag to reopen');
    expect(reopened.events.at(-1)).toMatchObject({
      action: 'changed-after-clearance',
      by: { name: 'Eddie Editor' },
      before: 'took a bribe',
      after: 'took perhaps a bribe',
    });
    expect(reopened).toMatchObject({ clearedQuote: 'took a bribe', currentText: 'took perhaps a bribe' });
    const activity = (await (await call(server, 'legal', 'GET', `/api/docs/${DRAFT_ID}/activity`)).json()) as ActivityList;
    expect(activity.entries[0]).toMatchObject({ action: 'changed-after-clearance', flagId: flag.id, by: { name: 'Eddie Editor' } });

    // An edit outside the span leaves a cleared flag alone. A second cleared
    // flag, edited after it, shows when the watcher has looked at both.
    expect((await call(server, 'legal', 'POST', flagsPath(`/${flag.id}/resolve`), {})).status).toBe(200);
    const other = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'sources say'), comment: 'Which sources?' });
    expect((await call(server, 'chief', 'POST', flagsPath(`/${other.id}/resolve`), {})).status).toBe(200);
    text.insert(0, 'Exclusive: ');
    text.insert(text.toString().indexOf('say.'), 'close to him ');
    await waitFor(async () => (await flagsOf(server)).find((f) => f.id === other.id)?.status === 'open', 'the second flag to reopen');
    expect((await flagsOf(server)).find((f) => f.id === flag.id)!.status).toBe('resolved');
  });

  it('[AN8] renders every user text of the legal report as inert text', async () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>';
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'a bribe'), comment: hostile });
    await call(server, 'editor', 'POST', flagsPath(`/${flag.id}/comments`), { text: 'javascript:alert(4)' });
    const res = await call(server, 'legal', 'GET', flagsPath('?format=html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a\b/i);
    expect(html).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(html).toContain('a bribe');
    expect(html).toContain('Lena Legal');
  });

  it('[AN9] logs every flag action per draft, newest first, in pages', async () => {
    const flag = await createFlag(server, 'editor', { kind: 'claim', ...anchorsAround(writer.doc, 'a bribe'), comment: 'one' });
    await call(server, 'chief', 'POST', flagsPath(`/${flag.id}/comments`), { text: 'two' });
    await call(server, 'chief', 'POST', flagsPath(`/${flag.id}/resolve`), {});
    const first = (await (await call(server, 'admin', 'GET', `/api/docs/${DRAFT_ID}/activity?limit=2`)).json()) as ActivityList;
    expect(first.entries.map((e) => e.action)).toEqual(['resolved', 'commented']);
    expect(first.entries[0]).toMatchObject({ by: { name: 'Chris Chief' }, flagId: flag.id });
    const next = (await (await call(server, 'admin', 'GET', `/api/docs/${DRAFT_ID}/activity?before=${first.entries[1]!.id}`)).json()) as ActivityList;
    expect(next.entries.map((e) => e.action)).toEqual(['created']);
    await expectError(await call(server, 'admin', 'GET', `/api/docs/${DRAFT_ID}/activity?limit=0`), 400, 'validation_failed');
    await expectError(await call(server, 'admin', 'GET', '/api/docs/no-such-draft/activity'), 404, 'not_found');
  });

  it('[AN10] puts mentions and assignments in the inbox of the person named, never one\'s own', async () => {
    const flag = await createFlag(server, 'editor', { kind: 'claim', ...anchorsAround(writer.doc, 'a bribe'), comment: '@legal can we say this? cc @editor @nobody' });
    const patch = await call(server, 'editor', 'PATCH', flagsPath(`/${flag.id}`), { assigneeId: 'test-chief', dueAt: '2030-01-01T18:00:00.000Z' });
    expect(patch.status).toBe(200);
    expect(((await patch.json()) as { flag: { assignee: unknown } }).flag.assignee).toEqual({ id: 'test-chief', name: 'Chris Chief' });

    const inboxOf = async (user: string) => (await (await call(server, user, 'GET', '/api/inbox')).json()) as InboxList;
    const legal = await inboxOf('legal');
    expect(legal.unread).toBe(1);
    expect(legal.items[0]).toMatchObject({
      draftId: DRAFT_ID,
      draftTitle: 'Council story',
      draftState: 'draft',
      flagId: flag.id,
      kind: 'mention',
      by: { name: 'Eddie Editor' },
      read: false,
    });
    expect(legal.items[0]!.excerpt).toContain('@legal can we say this?');
    expect((await inboxOf('chief')).items).toMatchObject([{ kind: 'assignment', flagId: flag.id }]);
    expect((await inboxOf('editor')).items).toEqual([]);

    expect((await call(server, 'legal', 'POST', `/api/inbox/${legal.items[0]!.id}/read`)).status).toBe(204);
    expect(await inboxOf('legal')).toMatchObject({ unread: 0, items: [{ read: true }] });
    await expectError(await call(server, 'editor', 'POST', `/api/inbox/${legal.items[0]!.id}/read`), 404, 'not_found');
    expect((await call(server, 'chief', 'POST', '/api/inbox/read-all')).status).toBe(204);
    expect((await inboxOf('chief')).unread).toBe(0);

    // Spiked, the story will not run: the inbox says so beside the item.
    expect((await call(server, 'editor', 'POST', `/api/docs/${DRAFT_ID}/desk`, { state: 'spiked' })).status).toBe(200);
    expect((await inboxOf('legal')).items).toMatchObject([{ flagId: flag.id, draftState: 'spiked' }]);
  });
});
