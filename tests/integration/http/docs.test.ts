import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftAnswerSchema, draftListSchema } from '../../../shared/api/drafts.ts';
import { errorBodySchema } from '../../../shared/api/errorCodes.ts';
import { bodyString, connectClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

const SAMPLE = new URL('../../../../shared/samples/talks-draft.md', import.meta.url);

describe('REST: /api/docs', () => {
  let server: TestServer;
  /** Signed in as the editor: permissions by role are covered in permissions.test.ts. */
  let cookie: string;
  let token: string;
  const api = (path: string, init?: RequestInit) =>
    fetch(`${server.url}${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });
  const reader = (draftId: string, options: Parameters<typeof connectClient>[2] = {}) =>
    connectClient(server.collabUrl, draftId, { ...options, params: { token } });
  const postJson = (path: string, body: unknown, method = 'POST') =>
    api(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_IMPORT_BYTES: String(64 * 1024), MAX_JSON_BODY_BYTES: String(16 * 1024) } });
    [cookie, token] = await Promise.all([server.signIn('editor'), server.tokenFor('editor')]);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers the health check, without credentials', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('creates a draft, lists it first, reads and renames it', async () => {
    const created = await postJson('/api/docs', { title: 'Budget vote' });
    expect(created.status).toBe(201);
    const { draft } = draftAnswerSchema.parse(await created.json());
    expect(draft.title).toBe('Budget vote');

    const list = draftListSchema.parse(await (await api('/api/docs')).json());
    expect(list.drafts[0]!.id).toBe(draft.id);

    const read = draftAnswerSchema.parse(await (await api(`/api/docs/${draft.id}`)).json());
    expect(read.draft).toEqual(draft);

    const renamed = await postJson(`/api/docs/${draft.id}`, { title: '  Budget vote: final  ' }, 'PATCH');
    expect(renamed.status).toBe(200);
    expect(draftAnswerSchema.parse(await renamed.json()).draft.title).toBe('Budget vote: final');
  });

  it('creates an untitled draft from an empty body', async () => {
    const res = await api('/api/docs', { method: 'POST' });
    expect(res.status).toBe(201);
    expect(draftAnswerSchema.parse(await res.json()).draft.title).toBe('Untitled draft');
  });

  it('answers 404 JSON for an unknown or malformed draft id', async () => {
    await expectError(await api('/api/docs/doesnotexist'), 404, 'not_found');
    await expectError(await api('/api/docs/..%2F..%2Fetc'), 404, 'not_found');
    await expectError(await postJson('/api/docs/doesnotexist', { title: 'x' }, 'PATCH'), 404, 'not_found');
    await expectError(await api('/api/nothing-here'), 404, 'not_found');
  });

  it('refuses bad bodies with a reason', async () => {
    await expectError(await postJson('/api/docs', { title: '' }), 400, 'validation_failed');
    await expectError(await postJson('/api/docs', { title: 'x'.repeat(201) }), 400, 'validation_failed');
    await expectError(await postJson('/api/docs', { title: 'ok', extra: 1 }), 400, 'validation_failed');
    await expectError(
      await api('/api/docs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' }),
      400,
      'bad_request',
    );
    await expectError(
      await api('/api/docs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'title' }),
      415,
      'unsupported_media_type',
    );
    await expectError(await postJson('/api/docs', { title: 'y'.repeat(20_000) }), 413, 'payload_too_large');
  });

  it('imports the wire sample as an upload, titled by its headline, with one paragraph per source paragraph', async () => {
    const markdown = readFileSync(SAMPLE, 'utf8');
    const form = new FormData();
    form.append('file', new Blob([markdown], { type: 'text/markdown' }), 'talks-draft.md');
    const res = await api('/api/docs/import', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { draft } = draftAnswerSchema.parse(await res.json());
    expect(draft.title).toBe('Talks end without breakthrough as 24-hour peace pledge meets resistance');

    const copyReader = reader(draft.id);
    await copyReader.waitSynced();
    const copy = bodyString(copyReader.doc);
    const sourceParagraphs = markdown.split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('#'));
    expect(copy.match(/<paragraph>/g)?.length).toBe(sourceParagraphs.length);
    expect(copy).toContain('<headline>Talks end without breakthrough');
    expect(copy).toContain('“within 24 hours”');
    copyReader.destroy();
  });

  it('imports HTML and plain text sent as JSON', async () => {
    const html = await postJson('/api/docs/import', {
      content: '<h1>Fire at the docks</h1><p>Crews <script>alert(1)</script>arrived at <a href="javascript:alert(1)">dawn</a>.</p>',
      format: 'html',
    });
    expect(html.status).toBe(201);
    const { draft } = draftAnswerSchema.parse(await html.json());
    expect(draft.title).toBe('Fire at the docks');
    const copyReader = reader(draft.id);
    await copyReader.waitSynced();
    const copy = bodyString(copyReader.doc);
    expect(copy).not.toContain('script');
    expect(copy).not.toContain('javascript:');
    expect(copy).toContain('dawn');
    copyReader.destroy();

    const text = await postJson('/api/docs/import', { content: 'First paragraph.\n\nSecond one.', format: 'text', title: 'Wire copy' });
    expect(text.status).toBe(201);
    expect(draftAnswerSchema.parse(await text.json()).draft.title).toBe('Wire copy');
  });

  it('refuses an empty, binary or oversized import with a reason', async () => {
    await expectError(await postJson('/api/docs/import', { content: '   \n ' }), 400, 'empty_import');
    const binary = new FormData();
    binary.append('file', new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])]), 'photo.png');
    await expectError(await api('/api/docs/import', { method: 'POST', body: binary }), 415, 'unsupported_media_type');
    const noFile = new FormData();
    noFile.append('title', 'no file');
    await expectError(await api('/api/docs/import', { method: 'POST', body: noFile }), 400, 'bad_request');
    const big = new FormData();
    big.append('file', new Blob(['word '.repeat(20_000)]), 'big.txt');
    await expectError(await api('/api/docs/import', { method: 'POST', body: big }), 413, 'payload_too_large');
    await expectError(await postJson('/api/docs/import', { content: 'x', format: 'docx' }), 400, 'validation_failed');
  });

  it('stores an import once: reconnecting clients never duplicate its content', async () => {
    const res = await postJson('/api/docs/import', { content: '# Once\n\nOnly once.', format: 'markdown' });
    const { draft } = draftAnswerSchema.parse(await res.json());
    const first = reader(draft.id);
    await first.waitSynced();
    const kept = Y.encodeStateAsUpdate(first.doc);
    first.destroy();
    const again = new Y.Doc();
    Y.applyUpdate(again, kept);
    const second = reader(draft.id, { doc: again });
    await second.waitSynced();
    expect(bodyString(second.doc).match(/Only once\./g)?.length).toBe(1);
    second.destroy();
  });
});
