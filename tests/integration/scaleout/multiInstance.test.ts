import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { draftAnswerSchema, draftListSchema } from '../../../shared/api/drafts.ts';
import { CLOSE_CODES } from '../../../shared/protocol/closeCodes.ts';
import { appendParagraph, bodyString, connectClient, openRawSocket, paragraphUnderClientId, type TestClient } from '../../support/collabClient.ts';
import { findPostgresUnavailable } from '../../support/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgresDatabase.ts';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../support/redisServer.ts';
import { DEMO_PASSWORD, makeDataDir } from '../../support/testServer.ts';
import { spawnServer, type ServerProcess } from '../../support/serverProcess.ts';
import { waitFor } from '../../support/waitFor.ts';
import { SENTENCE, anchorsAround, lastParagraphText } from '../../support/flagFixtures.ts';

const unavailable = (await findPostgresUnavailable('scale-out tests')) ?? redisUnavailableReason();
const MAX_SIGNIN_FAILURES = 3;

describe.skipIf(unavailable !== undefined)('several instances sharing Postgres and Redis', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let editorToken: string;
  const instances: ServerProcess[] = [];
  const clients: TestClient[] = [];

  // The build `npm start` runs: its Postgres and Redis code are chunks loaded only when configured.
  const startInstance = async () => {
    const instance = await spawnServer(
      makeDataDir(),
      {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        COMPACT_AFTER_UPDATES: '40',
        SIGNIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_SIGNIN_FAILURES),
        LOG_LEVEL: 'info',
      },
      { built: true },
    );
    instances.push(instance);
    return instance;
  };
  const open = (instance: ServerProcess, draftId: string, doc?: Y.Doc) => {
    const client = connectClient(instance.collabUrl, draftId, { token: editorToken, doc });
    clients.push(client);
    return client;
  };
  const createDraft = async (instance: ServerProcess) => {
    const res = await fetch(`${instance.url}/api/docs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Shared across instances' }),
    });
    return draftAnswerSchema.parse(await res.json()).draft.id;
  };
  /** Waits until every client holds the same copy, containing every expected line. */
  const converge = async (group: TestClient[], expected: string[], timeoutMs = 20_000) => {
    await waitFor(
      () => {
        const first = bodyString(group[0]!.doc);
        return expected.every((line) => first.includes(line)) && group.every((c) => bodyString(c.doc) === first);
      },
      'all clients to converge',
      timeoutMs,
    );
  };
  /** Two instances, a new draft holding SENTENCE, and a client of it on each. */
  const sentenceOnTwoInstances = async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const onA = open(a, draftId);
    const onB = open(b, draftId);
    await Promise.all([onA.waitSynced(), onB.waitSynced()]);
    appendParagraph(onA.doc, SENTENCE);
    await converge([onA, onB], [SENTENCE]);
    return { a, b, draftId, onA, onB };
  };
  const stopAll = async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const instance of instances.splice(0)) {
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await startRedisServer();
    editorToken = await database.tokenFor('editor');
  });
  afterAll(async () => {
    await stopAll();
    await redis?.kill();
    await database?.drop();
  });

  it('clients spread over three instances co-edit and converge with the database after a restart of all', async () => {
    const [a, b, c] = [await startInstance(), await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const group = [open(a, draftId), open(b, draftId), open(c, draftId), open(c, draftId)];
    await Promise.all(group.map((client) => client.waitSynced()));
    const lines: string[] = [];
    for (let round = 0; round < 15; round++) {
      group.forEach((client, i) => {
        const line = `round ${round} from client ${i}`;
        appendParagraph(client.doc, line);
        lines.push(line);
      });
    }
    await converge(group, lines);
    const converged = Y.encodeStateAsUpdate(group[0]!.doc);
    await stopAll();

    const fresh = await startInstance();
    const reader = open(fresh, draftId);
    await reader.waitSynced();
    const expected = new Y.Doc();
    Y.applyUpdate(expected, converged);
    expect(bodyString(reader.doc)).toBe(bodyString(expected));
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(expected));
    await stopAll();
  });

  it('kill -9 of one instance under load: its clients move to another and nothing received is lost', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const onA = open(a, draftId);
    const onB = open(b, draftId);
    await Promise.all([onA.waitSynced(), onB.waitSynced()]);
    for (let i = 0; i < 30; i++) appendParagraph(onA.doc, `before the crash ${i}`);
    await waitFor(() => bodyString(onB.doc).includes('before the crash 20'), 'B to receive part of the burst');
    a.child.kill('SIGKILL');
    await a.exited;

    // A's client keeps its document and reconnects through another instance, as behind a balancer.
    const moved = open(b, draftId, onA.doc);
    onA.provider.destroy();
    await moved.waitSynced();
    for (let i = 0; i < 5; i++) appendParagraph(moved.doc, `after the move ${i}`);
    await converge([moved, onB], ['after the move 4', 'before the crash 29']);

    // Everything B had received is in the shared database: a new instance serves it all.
    const c = await startInstance();
    const reader = open(c, draftId);
    await reader.waitSynced();
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(reader.doc));
    const before = Y.encodeStateVector(merged);
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(onB.doc));
    expect(Y.encodeStateVector(merged)).toEqual(before);
    await stopAll();
  });

  it('Redis restarted under load: instances recover and converge without restarting', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const onA = open(a, draftId);
    const onB = open(b, draftId);
    await Promise.all([onA.waitSynced(), onB.waitSynced()]);
    appendParagraph(onA.doc, 'before the outage');
    await converge([onA, onB], ['before the outage']);

    await redis.kill();
    for (let i = 0; i < 10; i++) {
      appendParagraph(onA.doc, `outage A ${i}`);
      appendParagraph(onB.doc, `outage B ${i}`);
    }
    await redis.restart();
    for (let i = 0; i < 5; i++) appendParagraph(onA.doc, `after the outage ${i}`);
    await converge([onA, onB], ['outage A 9', 'outage B 9', 'after the outage 4'], 30_000);
    await stopAll();
  });

  it('a flag created through one instance appears live on another, and its rules hold there', async () => {
    const { a, b, draftId, onA, onB } = await sentenceOnTwoInstances();
    const { start, end } = anchorsAround(onA.doc, 'took a bribe');
    const headers = { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${a.url}/api/docs/${draftId}/annotations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'legal-risk', start, end, comment: 'Defamatory unless sourced.' }),
    });
    expect(created.status).toBe(201);
    const { flag } = (await created.json()) as { flag: { id: string; quote: string } };
    expect(flag.quote).toBe('took a bribe');
    await waitFor(() => onB.doc.getMap('annotations').has(flag.id), 'the flag to reach the client on B');
    // An editor may not resolve a legal-risk flag on B either; legal may.
    const byEditor = await fetch(`${b.url}/api/docs/${draftId}/annotations/${flag.id}/resolve`, { method: 'POST', headers, body: '{}' });
    expect(byEditor.status).toBe(403);
    const legalHeaders = { authorization: `Bearer ${await database.tokenFor('legal')}`, 'content-type': 'application/json' };
    const byLegal = await fetch(`${b.url}/api/docs/${draftId}/annotations/${flag.id}/resolve`, { method: 'POST', headers: legalHeaders, body: '{}' });
    expect(byLegal.status).toBe(200);
    await waitFor(
      () => (onA.doc.getMap('annotations').get(flag.id) as Y.Map<unknown> | undefined)?.get('status') === 'resolved',
      'the resolution to reach the client on A',
    );
    await stopAll();
  });

  it('[AN7] editors on two instances changing a cleared span together reopen the flag once', async () => {
    const { a, b, draftId, onA, onB } = await sentenceOnTwoInstances();
    const legalHeaders = { authorization: `Bearer ${await database.tokenFor('legal')}`, 'content-type': 'application/json' };
    const created = await fetch(`${a.url}/api/docs/${draftId}/annotations`, {
      method: 'POST',
      headers: legalHeaders,
      body: JSON.stringify({ kind: 'legal-risk', ...anchorsAround(onA.doc, 'took a bribe'), comment: 'Needs the court record.' }),
    });
    const { flag } = (await created.json()) as { flag: { id: string } };
    const statusOn = (client: TestClient) => (client.doc.getMap('annotations').get(flag.id) as Y.Map<unknown> | undefined)?.get('status');
    const reopenings = async () => {
      const listed = await fetch(`${a.url}/api/docs/${draftId}/annotations`, { headers: legalHeaders });
      const { flags } = (await listed.json()) as { flags: Array<{ id: string; events: Array<{ action: string }> }> };
      return flags.find((f) => f.id === flag.id)!.events.filter((event) => event.action === 'changed-after-clearance').length;
    };
    // Which instance's check runs first varies; three rounds make a double reopening show.
    for (const [round, [wordOnA, wordOnB]] of [['perhaps', 'large'], ['surely', 'small'], ['maybe', 'tidy']].entries()) {
      const resolved = await fetch(`${b.url}/api/docs/${draftId}/annotations/${flag.id}/resolve`, { method: 'POST', headers: legalHeaders, body: '{}' });
      expect(resolved.status).toBe(200);
      await waitFor(() => statusOn(onA) === 'resolved' && statusOn(onB) === 'resolved', 'the clearance to reach both clients');
      // Both edits in one moment, each through its own instance: each instance's watcher sees the span changed.
      const onAText = lastParagraphText(onA.doc);
      onAText.insert(onAText.toString().indexOf('a '), `${wordOnA} `);
      const onBText = lastParagraphText(onB.doc);
      onBText.insert(onBText.toString().indexOf('bribe'), `${wordOnB} `);
      await waitFor(() => statusOn(onA) === 'open' && statusOn(onB) === 'open', 'the flag to reopen on both');
      // Both checks have run well before this (300 ms of rest, then milliseconds).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await reopenings()).toBe(round + 1);
    }
    await stopAll();
  });

  it('[CS16] an update refused on one instance never shows on another', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const onB = open(b, draftId);
    await onB.waitSynced();
    const legal = openRawSocket(`${a.collabUrl}/${draftId}?token=${encodeURIComponent(await database.tokenFor('legal'))}`);
    await legal.opened;
    await waitFor(() => legal.received.length > 0, 'the greeting');
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(onB.doc));
    const sv = Y.encodeStateVector(forged);
    appendParagraph(forged, 'legal rewrote this');
    legal.socket.send(encodeUpdateFrame(Y.encodeStateAsUpdate(forged, sv)));
    expect((await legal.closed).code).toBe(CLOSE_CODES.forbidden);
    // A later, allowed edit through A reaches B; the forbidden one never does.
    const onA = open(a, draftId);
    await onA.waitSynced();
    appendParagraph(onA.doc, 'allowed edit');
    await converge([onA, onB], ['allowed edit']);
    expect(bodyString(onB.doc)).not.toContain('legal rewrote this');
    await stopAll();
  });

  it('[CS21] a client id claimed through one instance cannot be written under by another account through another', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const onA = open(a, draftId);
    const onB = open(b, draftId);
    await Promise.all([onA.waitSynced(), onB.waitSynced()]);
    appendParagraph(onA.doc, 'filed through A');
    await converge([onA, onB], ['filed through A']);

    // The chief, through B, writes the next clock of the editor's client id (claimed through A).
    const forged = paragraphUnderClientId(onB.doc, onA.doc.clientID, 'the chief, posing as the editor');
    const chief = openRawSocket(`${b.collabUrl}/${draftId}?token=${encodeURIComponent(await database.tokenFor('chief'))}`);
    await chief.opened;
    await waitFor(() => chief.received.length > 0, 'the greeting');
    chief.socket.send(encodeUpdateFrame(forged));
    const closed = await chief.closed;
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(closed.reason).toMatch(/^\[CS21\]/);

    appendParagraph(onA.doc, 'the editor goes on');
    await converge([onA, onB], ['the editor goes on']);
    expect(bodyString(onB.doc)).not.toContain('posing');
    await stopAll();
  });

  it('failed sign-ins count across instances: the limit is for the deployment, not for each instance', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const signIn = (instance: ServerProcess, password: string) =>
      fetch(`${instance.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: instance.url },
        body: JSON.stringify({ username: 'legal', password }),
      });
    // Wrong passwords spread over both instances, as a balancer would spread them.
    const wrong = [a, b, a];
    expect(wrong).toHaveLength(MAX_SIGNIN_FAILURES);
    for (const instance of wrong) expect((await signIn(instance, 'not the password')).status).toBe(401);

    // Either instance now refuses even the right password until the window passes.
    for (const instance of [b, a]) {
      const refused = await signIn(instance, DEMO_PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await stopAll();
  });

  it('the drafts list shows who is in a draft whichever instance they are connected to, and stops once they leave', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const draftId = await createDraft(a);
    const legalToken = await database.tokenFor('legal');
    const presentOnB = async () => {
      const res = await fetch(`${b.url}/api/docs`, { headers: { authorization: `Bearer ${legalToken}` } });
      const list = draftListSchema.parse(await res.json());
      return list.drafts.find((draft) => draft.id === draftId)!.present.map((person) => person.name);
    };
    expect(await presentOnB()).toEqual([]);

    // In a draft means connected and announced in awareness, as the editor's page does.
    const editor = connectClient(a.collabUrl, draftId, { token: editorToken, user: { id: 'test-editor', name: 'Eddie Editor' } });
    clients.push(editor);
    await editor.waitSynced();
    await waitFor(async () => (await presentOnB()).includes('Eddie Editor'), 'B to list the editor connected to A');
    expect(await presentOnB()).toEqual(['Eddie Editor']);

    editor.destroy();
    await waitFor(async () => (await presentOnB()).length === 0, 'B to list nobody once the editor left');
    await stopAll();
  });
});
