import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAnchor } from '../../../shared/annotations/anchors.ts';
import { MAX_COMMENT_CHARS } from '../../../shared/annotations/kinds.ts';
import type { FlagView } from '../../../shared/api/annotationAnswers.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import type { TestClient } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';
import { expectError } from '../../support/apiHelpers.ts';
import { anchorsAround, call, createFlag, flagsOf, flagsPath, seedFlaggableDraft } from '../../support/flagFixtures.ts';

const flagOf = async (res: Response): Promise<FlagView> => ((await res.json()) as { flag: FlagView }).flag;

describe('flag rules, tried with raw requests', () => {
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

  it('[AN3] lets only legal and chiefs resolve or reopen a legal-risk flag, and records what was cleared', async () => {
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'took a bribe'), comment: 'Defamatory unless proven.' });
    await expectError(await call(server, 'editor', 'POST', flagsPath(`/${flag.id}/resolve`), {}), 403, 'forbidden');
    expect((await flagsOf(server))[0]!.status).toBe('open');

    const resolved = await call(server, 'legal', 'POST', flagsPath(`/${flag.id}/resolve`), { note: 'court record checked' });
    expect(resolved.status).toBe(200);
    expect(await flagOf(resolved)).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Lena Legal' }, clearedQuote: 'took a bribe' });
    await expectError(await call(server, 'legal', 'POST', flagsPath(`/${flag.id}/resolve`), {}), 409, 'conflict');
    await expectError(await call(server, 'editor', 'POST', flagsPath(`/${flag.id}/reopen`)), 403, 'forbidden');
    const reopened = await call(server, 'chief', 'POST', flagsPath(`/${flag.id}/reopen`));
    expect((await flagOf(reopened)).status).toBe('open');
  });

  it('[AN3] lets anyone who may flag resolve the other kinds, and no admin flag at all', async () => {
    const anchors = anchorsAround(writer.doc, 'the developer');
    const claim = await createFlag(server, 'chief', { kind: 'claim', ...anchors, comment: 'Which developer?' });
    const res = await call(server, 'editor', 'POST', flagsPath(`/${claim.id}/resolve`), {});
    expect(res.status).toBe(200);
    await expectError(await call(server, 'admin', 'POST', flagsPath(), { kind: 'claim', ...anchors, comment: 'x' }), 403, 'forbidden');
  });

  it('[AN4] lets only its author edit or delete a comment; an edit keeps the earlier text', async () => {
    const flag = await createFlag(server, 'legal', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'a bribe'), comment: 'First thought.' });
    const commentId = flag.comments[0]!.id;
    const commentPath = flagsPath(`/${flag.id}/comments/${commentId}`);
    await expectError(await call(server, 'editor', 'PATCH', commentPath, { text: 'hijacked' }), 403, 'forbidden');
    await expectError(await call(server, 'editor', 'DELETE', commentPath), 403, 'forbidden');

    const edited = await flagOf(await call(server, 'legal', 'PATCH', commentPath, { text: 'Second thought.' }));
    expect(edited.comments[0]).toMatchObject({ text: 'Second thought.', history: [{ text: 'First thought.' }], deleted: false });

    const reply = await call(server, 'editor', 'POST', flagsPath(`/${flag.id}/comments`), { text: 'We have the invoice.' });
    expect(reply.status).toBe(201);
    expect((await flagOf(reply)).comments.map((c) => c.author.name)).toEqual(['Lena Legal', 'Eddie Editor']);

    expect((await call(server, 'legal', 'DELETE', commentPath)).status).toBe(204);
    const [after] = await flagsOf(server);
    expect(after!.comments).toHaveLength(2);
    expect(after!.comments[0]).toMatchObject({ id: commentId, text: '', history: [], deleted: true });
    await expectError(await call(server, 'legal', 'PATCH', commentPath, { text: 'again' }), 409, 'conflict');
    await expectError(await call(server, 'legal', 'PATCH', flagsPath(`/${flag.id}/comments/nope`), { text: 'x' }), 404, 'not_found');
    await expectError(await call(server, 'legal', 'POST', flagsPath('/nope/comments'), { text: 'x' }), 404, 'not_found');
  });

  it('[AN5] keeps legal fields to legal and chiefs, and each kind\'s fields to that kind', async () => {
    const legalFlag = await createFlag(server, 'editor', { kind: 'legal-risk', ...anchorsAround(writer.doc, 'a bribe'), comment: 'Risky?' });
    await expectError(await call(server, 'editor', 'PATCH', flagsPath(`/${legalFlag.id}`), { legal: { decision: 'clear' } }), 403, 'forbidden');
    const patched = await call(server, 'legal', 'PATCH', flagsPath(`/${legalFlag.id}`), { legal: { category: 'defamation', severity: 'high' } });
    expect((await flagOf(patched)).legal).toEqual({ category: 'defamation', severity: 'high' });
    await expectError(await call(server, 'legal', 'PATCH', flagsPath(`/${legalFlag.id}`), { claim: { verification: 'verified' } }), 400, 'validation_failed');

    const claim = await createFlag(server, 'editor', { kind: 'claim', ...anchorsAround(writer.doc, 'The mayor'), comment: 'Check name' });
    const verified = await flagOf(await call(server, 'editor', 'PATCH', flagsPath(`/${claim.id}`), { claim: { verification: 'verified', evidence: 'https://example.org/minutes' } }));
    expect(verified.claim).toMatchObject({ verification: 'verified', evidence: 'https://example.org/minutes', verifiedBy: { name: 'Eddie Editor' } });
    await expectError(await call(server, 'editor', 'PATCH', flagsPath(`/${claim.id}`), { assigneeId: 'no-such-account' }), 400, 'validation_failed');
    // An admin manages accounts and does not work on flags.
    await expectError(await call(server, 'editor', 'PATCH', flagsPath(`/${claim.id}`), { assigneeId: 'test-admin' }), 400, 'validation_failed');
  });

  it('[AN6] refuses bad input with a clear 4xx and changes nothing', async () => {
    const anchors = anchorsAround(writer.doc, 'a bribe');
    await createFlag(server, 'editor', { kind: 'claim', ...anchors, comment: 'one' });
    // Anchors into content the server has outside the copy: a flag's own thread in `annotations`.
    await waitFor(() => writer.doc.getMap(ROOT_TYPES.annotations).size === 1, 'the flag to reach the client');
    const stored = [...writer.doc.getMap<Y.Map<unknown>>(ROOT_TYPES.annotations).values()][0]!;
    const intoAnnotations = encodeAnchor(Y.createRelativePositionFromTypeIndex(stored.get('comments') as Y.Array<unknown>, 0));
    const other = new Y.Doc();
    const intoOtherRoot = encodeAnchor(Y.createRelativePositionFromTypeIndex(other.getText('notes'), 0));
    const unknownItem = encodeAnchor(Y.createRelativePositionFromTypeIndex(lastParagraphTextOf(other), 0));
    const cases: Array<[unknown, string]> = [
      [{ kind: 'rumour', ...anchors, comment: 'x' }, 'validation_failed'],
      [{ kind: 'claim', ...anchors, comment: '   ' }, 'validation_failed'],
      [{ kind: 'claim', ...anchors, comment: 'x'.repeat(MAX_COMMENT_CHARS + 1) }, 'validation_failed'],
      [{ kind: 'claim', start: 'not base64!', end: anchors.end, comment: 'x' }, 'invalid_anchor'],
      [{ kind: 'claim', start: anchors.start, end: 'AAAA', comment: 'x' }, 'invalid_anchor'],
      [{ kind: 'claim', start: intoOtherRoot, end: anchors.end, comment: 'x' }, 'invalid_anchor'],
      [{ kind: 'claim', start: anchors.start, end: intoAnnotations, comment: 'x' }, 'invalid_anchor'],
      [{ kind: 'claim', start: unknownItem, end: anchors.end, comment: 'x' }, 'invalid_anchor'],
      [{ kind: 'claim', start: anchors.end, end: anchors.start, comment: 'x' }, 'invalid_anchor'],
    ];
    for (const [body, code] of cases) {
      await expectError(await call(server, 'editor', 'POST', flagsPath(), body), 400, code);
    }
    await expectError(await call(server, 'editor', 'POST', flagsPath('/nope/resolve'), {}), 404, 'not_found');
    const flag = (await flagsOf(server))[0]!;
    await expectError(await call(server, 'editor', 'POST', flagsPath(`/${flag.id}/comments`), { text: '' }), 400, 'validation_failed');
    expect(await flagsOf(server)).toHaveLength(1);
    expect((await flagsOf(server))[0]!.comments).toHaveLength(1);
    await expectError(await call(server, 'editor', 'GET', '/api/docs/no-such-draft/annotations'), 404, 'not_found');
  });
});

/** A paragraph text in a document the server has never seen. */
function lastParagraphTextOf(doc: Y.Doc): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment(ROOT_TYPES.body).push([paragraph]);
  const text = new Y.XmlText('elsewhere');
  paragraph.insert(0, [text]);
  return text;
}
