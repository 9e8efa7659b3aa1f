import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftList } from '../../../shared/api/drafts.ts';
import { errorBodySchema } from '../../../shared/api/errorCodes.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { canonicalJSON } from '../../../server/versions/canonicalContent.ts';
import { deskActionWords, deskDetail } from '../../../client/panels/annotations/activityWords.ts';
import { appendParagraph, bodyString, connectClient, type TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';
import { expectError } from '../../support/apiHelpers.ts';
import { DRAFT_ID, SENTENCE, anchorsAround, call, createFlag, flagsPath, lastParagraphText, seedFlaggableDraft } from '../../support/flagFixtures.ts';

const docPath = (suffix: string) => `/api/docs/${DRAFT_ID}${suffix}`;
const json = async <T>(res: Response, status = 200): Promise<T> => {
  const text = await res.text();
  expect({ status: res.status, text }).toMatchObject({ status });
  return JSON.parse(text) as T;
};
interface Version {
  id: string;
  name: string;
  kind: string;
  wordCount: number;
  wordDelta: number;
}
interface Node {
  type: string;
  text?: string;
  marks?: Array<{ type: string }>;
  content?: Node[];
}
const textsWithMark = (node: Node, mark: string): string[] =>
  node.type === 'text'
    ? node.marks?.some((m) => m.type === mark)
      ? [node.text!]
      : []
    : (node.content ?? []).flatMap((child) => textsWithMark(child, mark));

async function typeReplacing(writer: TestClient, server: TestServer, from: string, to: string): Promise<void> {
  const text = lastParagraphText(writer.doc);
  const index = text.toString().indexOf(from);
  writer.doc.transact(() => {
    text.delete(index, from.length);
    text.insert(index, to);
  });
  await waitFor(async () => {
    const live = await json<{ content: Node }>(await call(server, 'editor', 'GET', docPath('/export?format=json')));
    return JSON.stringify(live.content).includes(to);
  }, 'the edit to reach the server');
}

describe('versions, compare, restore, sign-off, desk and export', () => {
  let server: TestServer;
  let writer: TestClient;
  beforeEach(async () => {
    server = await startTestServer({ env: { CHECKPOINT_AFTER_MS: '600000' } });
    writer = await seedFlaggableDraft(server);
  });
  afterEach(async () => {
    writer.destroy();
    await server.dispose();
  });

  it('saves, lists and opens versions; compare shows exactly the edits; restore is a new edit seen live', async () => {
    const saved = await json<{ version: Version }>(await call(server, 'legal', 'POST', docPath('/versions'), { name: 'after legal read' }), 201);
    expect(saved.version).toMatchObject({ name: 'after legal read', kind: 'named', author: { name: 'Lena Legal' } });
    expect(saved.version.wordCount).toBe(10);

    await typeReplacing(writer, server, 'a bribe', 'a large gift');
    const list = await json<{ versions: Version[] }>(await call(server, 'editor', 'GET', docPath('/versions')));
    expect(list.versions.map((v) => v.id)).toEqual([saved.version.id]);

    const opened = await json<{ content: Node; flags: unknown[] }>(await call(server, 'editor', 'GET', docPath(`/versions/${saved.version.id}`)));
    expect(JSON.stringify(opened.content)).toContain('took a bribe from');

    const compared = await json<{ changes: number; diff: Node; to: string }>(
      await call(server, 'editor', 'GET', docPath(`/compare?from=${saved.version.id}&to=live`)),
    );
    expect(compared.to).toBe('live');
    expect(compared.changes).toBe(1);
    expect(textsWithMark(compared.diff, 'diffDelete').join('')).toBe('bribe');
    expect(textsWithMark(compared.diff, 'diffInsert').join('')).toBe('large gift');

    await expectError(await call(server, 'legal', 'POST', docPath(`/versions/${saved.version.id}/restore`)), 403, 'forbidden');
    const restored = await json<{ version: Version }>(await call(server, 'editor', 'POST', docPath(`/versions/${saved.version.id}/restore`)));
    expect(restored.version.kind).toBe('restore');
    // The client sees the restored words arrive live, as an edit on top of its own.
    await waitFor(() => lastParagraphText(writer.doc).toString().includes('took a bribe from'), 'the restore to reach the client');
    expect(bodyString(writer.doc)).not.toContain('large gift');
    const after = await json<{ versions: Version[] }>(await call(server, 'editor', 'GET', docPath('/versions')));
    expect(after.versions.map((v) => v.kind)).toEqual(['restore', 'named']);
    const same = await json<{ changes: number }>(await call(server, 'editor', 'GET', docPath(`/compare?from=${saved.version.id}&to=live`)));
    expect(same.changes).toBe(0);

    await expectError(await call(server, 'editor', 'GET', docPath('/versions/nope')), 404, 'not_found');
    await expectError(await call(server, 'editor', 'GET', docPath('/compare?from=nope&to=live')), 404, 'not_found');
    await expectError(await call(server, 'editor', 'POST', docPath('/versions'), { name: '  ' }), 400, 'validation_failed');

    const activity = await json<{ entries: Array<{ action: string }> }>(await call(server, 'editor', 'GET', docPath('/activity')));
    expect(activity.entries.map((e) => e.action)).toEqual(['version-restored', 'version-saved']);
  });

  it('refuses a sign-off over an open legal flag without an override, records one with it, and hashes the exported copy', async () => {
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'took a bribe'), comment: 'Proof?' });
    await expectError(await call(server, 'editor', 'POST', docPath('/signoffs'), { note: 'ok' }), 403, 'forbidden');
    const refused = await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'ok' });
    expect(refused.status).toBe(409);
    const refusal = errorBodySchema.parse(await refused.json());
    expect(refusal.error.code).toBe('conflict');
    expect(refusal.error.message).toContain(flag.id);
    expect(refusal.error.details).toEqual({ openLegalFlags: [{ id: flag.id, kind: 'legal-risk', quote: 'took a bribe', status: 'open' }] });
    await expectError(await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'ok', override: ' ' }), 400, 'validation_failed');
    expect((await json<{ signoffs: unknown[] }>(await call(server, 'chief', 'GET', docPath('/signoffs')))).signoffs).toEqual([]);

    const made = await json<{ signoff: { id: string; hash: string; versionId: string; override: string; openFlags: Array<{ id: string }> } }>(
      await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'run it', override: 'court record seen' }),
      201,
    );
    expect(made.signoff).toMatchObject({ override: 'court record seen', openFlags: [{ id: flag.id }] });

    // Everyone in the draft sees it live, in the server-written `desk` and `signoffs` root types.
    await waitFor(() => writer.doc.getMap('desk').get('state') === 'signed-off', 'the sign-off to reach the client');
    expect(writer.doc.getArray('signoffs').toJSON()).toMatchObject([{ id: made.signoff.id, hash: made.signoff.hash }]);

    const exported = await json<{ content: unknown; signoff: { hash: string } }>(
      await call(server, 'editor', 'GET', docPath(`/export?format=json&version=${made.signoff.versionId}`)),
    );
    expect(createHash('sha256').update(canonicalJSON(exported.content)).digest('hex')).toBe(made.signoff.hash);
    expect(exported.signoff.hash).toBe(made.signoff.hash);

    const activity = await json<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(
      await call(server, 'editor', 'GET', docPath('/activity')),
    );
    expect(activity.entries.map((e) => e.action).slice(0, 3)).toEqual(['signoff-override', 'signed-off', 'version-saved']);
    // The activity panel tells them in words, from the details the server logged.
    expect(activity.entries.slice(0, 3).map((e) => `${deskActionWords(e.action)} ${deskDetail(e.action, e.detail)}`)).toEqual([
      'signed off over the open legal-risk flag “took a bribe”. Reason: court record seen',
      'signed off the draft with the note “run it”',
      'saved a version “Signed off by Chris Chief”',
    ]);

    // An edit flips the desk to changed-since-sign-off, live and over REST.
    await typeReplacing(writer, server, 'sources say', 'sources insist');
    await waitFor(() => writer.doc.getMap('desk').get('state') === 'changed-since-signoff', 'the desk to flip');
    expect((await json<{ state: string }>(await call(server, 'editor', 'GET', docPath('/desk')))).state).toBe('changed-since-signoff');
    await expectError(await call(server, 'chief', 'PATCH', docPath(`/signoffs/${made.signoff.id}`), { note: 'x' }), 404, 'not_found');
    await expectError(await call(server, 'chief', 'DELETE', docPath(`/signoffs/${made.signoff.id}`)), 404, 'not_found');
  });

  it('bad input: unknown version, a version of another draft, sign-off by a non-chief, over an open legal flag, with an empty reason, restore by legal: clear JSON errors and nothing changes', async () => {
    const saved = await json<{ version: Version }>(await call(server, 'editor', 'POST', docPath('/versions'), { name: 'mine' }), 201);
    await server.store.createDraft({ id: 'other-draft', title: 'Other story', state: emptyDraftState() });
    const foreign = await json<{ version: Version }>(await call(server, 'editor', 'POST', '/api/docs/other-draft/versions', { name: 'theirs' }), 201);
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'took a bribe'), comment: 'Proof?' });
    /** Everything a refused call could have touched: versions, sign-offs, desk, activity, the live copy, flags, and the other draft's versions. */
    const everything = async () => ({
      versions: await json(await call(server, 'editor', 'GET', docPath('/versions'))),
      signoffs: await json(await call(server, 'editor', 'GET', docPath('/signoffs'))),
      desk: await json(await call(server, 'editor', 'GET', docPath('/desk'))),
      activity: await json(await call(server, 'editor', 'GET', docPath('/activity'))),
      live: await json(await call(server, 'editor', 'GET', docPath('/export?format=json'))),
      flags: await json(await call(server, 'editor', 'GET', flagsPath())),
      otherVersions: await json(await call(server, 'editor', 'GET', '/api/docs/other-draft/versions')),
    });
    const before = await everything();

    // Unknown version: open, compare (either side), restore, export.
    await expectError(await call(server, 'editor', 'GET', docPath('/versions/nope')), 404, 'not_found');
    await expectError(await call(server, 'editor', 'GET', docPath('/compare?from=nope&to=live')), 404, 'not_found');
    await expectError(await call(server, 'editor', 'GET', docPath(`/compare?from=${saved.version.id}&to=nope`)), 404, 'not_found');
    await expectError(await call(server, 'editor', 'POST', docPath('/versions/nope/restore')), 404, 'not_found');
    // A version of another draft is unknown here, on either side of a compare, and for restore.
    await expectError(await call(server, 'editor', 'GET', docPath(`/versions/${foreign.version.id}`)), 404, 'not_found');
    await expectError(await call(server, 'editor', 'GET', docPath(`/compare?from=${foreign.version.id}&to=live`)), 404, 'not_found');
    await expectError(await call(server, 'editor', 'GET', docPath(`/compare?from=${saved.version.id}&to=${foreign.version.id}`)), 404, 'not_found');
    await expectError(await call(server, 'editor', 'POST', docPath(`/versions/${foreign.version.id}/restore`)), 404, 'not_found');
    // Sign-off by a non-chief.
    for (const user of ['editor', 'legal']) {
      await expectError(await call(server, user, 'POST', docPath('/signoffs'), { note: 'ok', override: 'because' }), 403, 'forbidden');
    }
    // Sign-off over an open legal flag without an override: 409 with the list of flags.
    const refused = await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'ok', lock: true });
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(await refused.json()).error).toMatchObject({
      code: 'conflict',
      details: { openLegalFlags: [{ id: flag.id, kind: 'legal-risk', quote: 'took a bribe', status: 'open' }] },
    });
    // Override with an empty reason.
    for (const override of ['', '   ']) {
      await expectError(await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'ok', override, lock: true }), 400, 'validation_failed');
    }
    // Restore by legal.
    await expectError(await call(server, 'legal', 'POST', docPath(`/versions/${saved.version.id}/restore`)), 403, 'forbidden');

    expect(await everything()).toEqual(before);
    expect(before).toMatchObject({ signoffs: { signoffs: [] }, desk: { state: 'draft', locked: false } });
  });

  it('[CS19] a locked copy refuses a client body update with 4403; unlock lifts it; restore is refused while locked', async () => {
    const saved = await json<{ version: Version }>(await call(server, 'editor', 'POST', docPath('/versions'), { name: 'v' }), 201);
    await expectError(await call(server, 'editor', 'POST', docPath('/lock')), 403, 'forbidden');
    const locked = await json<{ locked: boolean; lockedBy: { name: string } }>(await call(server, 'chief', 'POST', docPath('/lock')));
    expect(locked).toMatchObject({ locked: true, lockedBy: { name: 'Chris Chief' } });
    await expectError(await call(server, 'chief', 'POST', docPath('/lock')), 409, 'conflict');
    await expectError(await call(server, 'editor', 'POST', docPath(`/versions/${saved.version.id}/restore`)), 409, 'conflict');

    lastParagraphText(writer.doc).insert(0, 'Locked? ');
    await waitFor(() => writer.closes.some((c) => c.code === 4403), 'the locked edit to be refused');
    expect(writer.closes.find((c) => c.code === 4403)!.reason).toContain('CS19');

    await json(await call(server, 'chief', 'POST', docPath('/unlock')));
    const editor = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('editor') });
    try {
      await editor.waitSynced();
      lastParagraphText(editor.doc).insert(0, 'Unlocked. ');
      await waitFor(async () => {
        const live = await json<{ content: Node }>(await call(server, 'editor', 'GET', docPath('/export?format=json')));
        return JSON.stringify(live.content).includes('Unlocked. ');
      }, 'the edit after unlock to be stored');
      expect(editor.closes).toEqual([]);
    } finally {
      editor.destroy();
    }
    const actions = (await json<{ entries: Array<{ action: string }> }>(await call(server, 'editor', 'GET', docPath('/activity')))).entries.map((e) => e.action);
    // The editor leaving may have left a checkpoint behind by now.
    expect(actions.filter((action) => action !== 'checkpoint-saved').slice(0, 2)).toEqual(['unlocked', 'locked']);
  });

  it('moves a draft between desk states and filters the drafts list by state', async () => {
    await expectError(await call(server, 'legal', 'POST', docPath('/desk'), { state: 'in-review' }), 403, 'forbidden');
    await expectError(await call(server, 'editor', 'POST', docPath('/desk'), { state: 'signed-off' }), 400, 'validation_failed');
    expect(await json(await call(server, 'editor', 'POST', docPath('/desk'), { state: 'legal-review' }))).toMatchObject({ state: 'legal-review', locked: false });
    const inReview = await json<DraftList>(await call(server, 'editor', 'GET', '/api/docs?state=legal-review'));
    expect(inReview.drafts.map((d) => [d.id, d.state])).toEqual([[DRAFT_ID, 'legal-review']]);
    expect((await json<DraftList>(await call(server, 'editor', 'GET', '/api/docs?state=draft'))).drafts).toEqual([]);
    await expectError(await call(server, 'editor', 'GET', '/api/docs?state=bogus'), 400, 'validation_failed');
  });

  it('spikes a draft and brings it back: kept, listed under spiked, live for everyone, and logged', async () => {
    const reader = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('legal') });
    try {
      await reader.waitSynced();
      await expectError(await call(server, 'legal', 'POST', docPath('/desk'), { state: 'spiked' }), 403, 'forbidden');
      expect(await json(await call(server, 'editor', 'POST', docPath('/desk'), { state: 'spiked' }))).toMatchObject({ state: 'spiked' });
      // Everyone in the draft sees it at once.
      await waitFor(() => reader.doc.getMap('desk').get('state') === 'spiked', 'the spike to reach the reader');
      const spiked = await json<DraftList>(await call(server, 'legal', 'GET', '/api/docs?state=spiked'));
      expect(spiked.drafts.map((d) => [d.id, d.state])).toEqual([[DRAFT_ID, 'spiked']]);
      // The whole list still carries it, with its state: leaving it out is the desk view's choice.
      const all = await json<DraftList>(await call(server, 'legal', 'GET', '/api/docs'));
      expect(all.drafts.find((d) => d.id === DRAFT_ID)?.state).toBe('spiked');
      // Nothing is lost: the copy is as it was.
      const copy = await json<{ content: Node }>(await call(server, 'legal', 'GET', docPath('/export?format=json')));
      expect(JSON.stringify(copy.content)).toContain(SENTENCE);
      // A killed story is not cleared to run: the chief brings it back first.
      const refused = await expectError(await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'run it' }), 409, 'conflict');
      expect(refused.message).toMatch(/spiked/);
      expect(refused.details).toEqual({ deskState: 'spiked' });
      expect((await json<{ signoffs: unknown[] }>(await call(server, 'chief', 'GET', docPath('/signoffs')))).signoffs).toEqual([]);

      expect(await json(await call(server, 'editor', 'POST', docPath('/desk'), { state: 'draft' }))).toMatchObject({ state: 'draft' });
      await waitFor(() => reader.doc.getMap('desk').get('state') === 'draft', 'the draft to come back for the reader');
      expect((await json<DraftList>(await call(server, 'editor', 'GET', '/api/docs?state=spiked'))).drafts).toEqual([]);
    } finally {
      reader.destroy();
    }
    const moves = (await json<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(await call(server, 'editor', 'GET', docPath('/activity')))).entries
      .filter((entry) => entry.action === 'state-changed')
      .map((entry) => entry.detail);
    expect(moves.slice(0, 2)).toEqual([
      { from: 'spiked', to: 'draft' },
      { from: 'draft', to: 'spiked' },
    ]);
  });

  it('exports the live draft and a version as HTML, Markdown and JSON, signed ones with their record, never flags or script', async () => {
    const text = lastParagraphText(writer.doc);
    text.insert(0, '<script>alert(1)</script> ');
    await waitFor(async () => (await (await call(server, 'editor', 'GET', docPath('/export?format=md'))).text()).includes('script'), 'the edit');
    await createFlag(server, 'editor', { kind: 'claim', ...anchorsAround(writer.doc, 'The mayor'), comment: 'Name?' });

    const html = await call(server, 'editor', 'GET', docPath('/export?format=html'));
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="council-story-live\.html"$/);
    const page = await html.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('Name?');

    const md = await (await call(server, 'editor', 'GET', docPath('/export?format=md'))).text();
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('The mayor took a bribe');

    const signed = await json<{ signoff: { versionId: string; hash: string } }>(
      await call(server, 'chief', 'POST', docPath('/signoffs'), { note: 'fine' }),
      201,
    );
    const signedHtml = await (await call(server, 'editor', 'GET', docPath(`/export?format=html&version=${signed.signoff.versionId}`))).text();
    expect(signedHtml).toContain(`<meta name="copydesk-signoff-hash" content="${signed.signoff.hash}">`);
    expect(signedHtml).toContain('class="copydesk-signoff"');
    const signedMd = await (await call(server, 'editor', 'GET', docPath(`/export?format=md&version=${signed.signoff.versionId}`))).text();
    expect(signedMd.startsWith(`---\nsignoff:\n`)).toBe(true);
    expect(signedMd).toContain(`hash: "${signed.signoff.hash}"`);
    const liveJson = await json<{ signoff: { hash: string } | null }>(await call(server, 'editor', 'GET', docPath('/export?format=json')));
    expect(liveJson.signoff?.hash).toBe(signed.signoff.hash);
    await expectError(await call(server, 'editor', 'GET', docPath('/export?format=pdf')), 400, 'validation_failed');
    await expectError(await call(server, 'editor', 'GET', docPath('/export?format=md&version=nope')), 404, 'not_found');
  });

  it('chains the activity log; a row changed in the database makes verify name it', async () => {
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'took a bribe'), comment: 'Proof?' });
    await json(await call(server, 'legal', 'POST', flagsPath(`/${flag.id}/resolve`), { note: 'seen' }));
    await json(await call(server, 'editor', 'POST', docPath('/versions'), { name: 'v1' }), 201);
    expect(await json(await call(server, 'editor', 'GET', docPath('/activity/verify')))).toEqual({ ok: true, entries: 3 });
    const entries = (await json<{ entries: Array<{ id: number; action: string }> }>(await call(server, 'editor', 'GET', docPath('/activity')))).entries;
    const resolved = entries.find((e) => e.action === 'resolved')!;
    server.db.prepare(`UPDATE activity SET detail = '{"note":"never seen"}' WHERE id = ?`).run(resolved.id);
    expect(await json(await call(server, 'editor', 'GET', docPath('/activity/verify')))).toMatchObject({ ok: false, brokenAt: resolved.id });
  });
});

describe('automatic checkpoints', () => {
  const versionsOf = async (server: TestServer) =>
    (await json<{ versions: Version[] }>(await call(server, 'editor', 'GET', docPath('/versions')))).versions;

  it('takes a checkpoint CHECKPOINT_AFTER_MS after the first edit since the last version', async () => {
    const server = await startTestServer({ env: { CHECKPOINT_AFTER_MS: '300' } });
    try {
      const writer = await seedFlaggableDraft(server);
      await waitFor(async () => (await versionsOf(server)).length === 1, 'a checkpoint after activity');
      expect((await versionsOf(server))[0]).toMatchObject({ kind: 'checkpoint', author: null, wordCount: 10 });
      writer.destroy();
    } finally {
      await server.dispose();
    }
  });

  it('takes no checkpoint while someone is still in the draft, and one the moment the last person leaves', async () => {
    const server = await startTestServer({ env: { CHECKPOINT_AFTER_MS: '600000' } });
    try {
      const writer = await seedFlaggableDraft(server);
      const reader = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('legal') });
      await reader.waitSynced();
      writer.destroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await versionsOf(server)).toEqual([]);
      reader.destroy();
      await waitFor(async () => (await versionsOf(server)).length === 1, 'a checkpoint when the last person left', 1000);
    } finally {
      await server.dispose();
    }
  });

  it('takes no checkpoint of a copy the latest version already holds', async () => {
    const server = await startTestServer({ env: { CHECKPOINT_AFTER_MS: '600000' } });
    try {
      // An edit, then a named version of it: the last person leaving has nothing new to keep.
      const writer = await seedFlaggableDraft(server);
      await json(await call(server, 'editor', 'POST', docPath('/versions'), { name: 'Before the council vote' }), 201);
      writer.destroy();
      await waitFor(() => (server.server.registry.findRoom(DRAFT_ID)?.connections.size ?? 0) === 0, 'the editor to have left');

      // A later edit and leave do keep a checkpoint; it is the only one.
      const second = connectClient(server.collabUrl, DRAFT_ID, { token: await server.tokenFor('editor') });
      await second.waitSynced();
      appendParagraph(second.doc, 'The vote is on Thursday.');
      await waitFor(() => bodyString(server.server.registry.findRoom(DRAFT_ID)!.doc).includes('Thursday'), 'the second edit to be stored');
      second.destroy();
      const named = (await versionsOf(server)).find((v) => v.kind === 'named')!;
      await waitFor(
        async () => (await versionsOf(server)).some((v) => v.kind === 'checkpoint' && v.wordCount > named.wordCount),
        'a checkpoint of the second edit',
      );
      expect((await versionsOf(server)).map((v) => [v.kind, v.wordCount])).toEqual([
        ['checkpoint', named.wordCount + 5],
        ['named', named.wordCount],
      ]);
    } finally {
      await server.dispose();
    }
  });

  it('takes a checkpoint when the last person leaves, long before the timer', async () => {
    const server = await startTestServer({ env: { CHECKPOINT_AFTER_MS: '600000' } });
    try {
      const writer = await seedFlaggableDraft(server);
      expect(await versionsOf(server)).toEqual([]);
      writer.destroy();
      await waitFor(async () => (await versionsOf(server)).length === 1, 'a checkpoint when the last person left');
      expect((await versionsOf(server))[0]!.kind).toBe('checkpoint');
    } finally {
      await server.dispose();
    }
  });
});
