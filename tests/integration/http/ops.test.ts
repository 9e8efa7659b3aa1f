import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeUpdateFrame } from '../../../server/collab/protocol.ts';
import { emptyDraftState } from '../../../server/drafts/importDraft.ts';
import { appendParagraph, connectClient, openRawSocket } from '../../support/collabClient.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/** The value of one metric line (`name{labels} value`), or 0 when absent. */
function metricValue(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe('operations endpoints', () => {
  let server: TestServer;
  const metrics = async () => (await fetch(`${server.url}/metrics`)).text();

  beforeAll(async () => {
    server = await startTestServer();
    await server.store.createDraft({ id: 'ops-draft', title: 'Ops', state: emptyDraftState() });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers /healthz and /readyz without credentials', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true } });
  });

  it('counts connections, drafts, stored updates, batch writes and refusals by reason in Prometheus format', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const before = await response.text();
    expect(before).toContain('# TYPE copydesk_updates_total counter');

    const client = connectClient(server.collabUrl, 'ops-draft', { token: await server.tokenFor('editor') });
    await client.waitSynced();
    appendParagraph(client.doc, 'counted');
    await waitFor(async () => metricValue(await metrics(), 'copydesk_updates_total') > metricValue(before, 'copydesk_updates_total'), 'the update to be counted');
    const during = await metrics();
    expect(metricValue(during, 'copydesk_connections')).toBeGreaterThanOrEqual(1);
    expect(metricValue(during, 'copydesk_drafts_loaded')).toBeGreaterThanOrEqual(1);
    expect(metricValue(during, 'copydesk_write_batch_seconds_count')).toBeGreaterThan(0);

    const raw = openRawSocket(`${server.collabUrl}/ops-draft?token=${encodeURIComponent(await server.tokenFor('legal'))}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 'the greeting');
    raw.socket.send(encodeUpdateFrame(Uint8Array.from([1, 2, 3])));
    await raw.closed;
    await waitFor(
      async () => metricValue(await metrics(), 'copydesk_connections_refused_total{reason="invalidUpdate"}') >= 1,
      'the refusal to be counted',
    );
    client.destroy();
  });

  it('says not ready, with 503, when the database does not answer', async () => {
    const lonely = await startTestServer();
    lonely.db.close();
    const answer = await fetch(`${lonely.url}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: 'not-ready', checks: { database: false } });
    await lonely.dispose();
  });
});
