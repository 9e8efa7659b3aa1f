import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUpEndpoint } from '../../../server/collab/warmUpEndpoint.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/**
 * At boot the server opens one WebSocket to its own live-sync endpoint (with
 * a token nobody holds) so that the first editor after a restart does not pay
 * for compiling the connection path. That socket must leave nothing behind.
 */
describe('the boot-time warm-up of the live-sync endpoint', () => {
  let server: TestServer;
  const metric = async (name: string) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`/metrics has no ${name}`);
    return Number(line.slice(name.length + 1));
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('is refused at once and leaves nothing behind: no connection, no room, no token touched', async () => {
    await server.tokenFor('editor');
    const usedBefore = server.db.prepare('SELECT id, last_used_at FROM api_tokens ORDER BY id').all();
    const port = Number(new URL(server.url).port);
    const started = performance.now();
    await warmUpEndpoint(port, '127.0.0.1', 10_000);
    // Refused, not timed out.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await metric('copydesk_connections')).toBe(0);
    expect(server.server.registry.size).toBe(0);
    expect(server.db.prepare('SELECT id, last_used_at FROM api_tokens ORDER BY id').all()).toEqual(usedBefore);
  });

  it('gives up quietly, within its timeout, when nothing answers', async () => {
    // A port that accepts TCP but never answers the HTTP upgrade.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const started = performance.now();
    await warmUpEndpoint(port, '127.0.0.1', 300);
    expect(performance.now() - started).toBeLessThan(2000);
    silent.close();
    await expect(warmUpEndpoint(port, '127.0.0.1', 300)).resolves.toBeUndefined();
  });
});
