import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/** A built client of four files, so the test does not depend on `vite build`. */
function makeStaticDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-shell-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Copydesk</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'registerSW.js'), 'navigator.serviceWorker.register("/sw.js");');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");');
  return dir;
}

describe('the app shell and its service worker are always revalidated', () => {
  let server: TestServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = makeStaticDir();
    server = await startTestServer({ env: { STATIC_DIR: staticDir } });
  });

  afterAll(async () => {
    await server?.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it.each(['/sw.js', '/registerSW.js', '/', '/index.html', '/docs/abc123xyz'])('%s answers with Cache-Control: no-cache', async (urlPath) => {
    const res = await fetch(`${server.url}${urlPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    await res.arrayBuffer();
  });

  it('serves the worker as JavaScript from the site root, with no Service-Worker-Allowed widening its scope', async () => {
    const res = await fetch(`${server.url}/sw.js`);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('service-worker-allowed')).toBeNull();
    expect(await res.text()).toContain('addEventListener');
  });

  it('leaves API answers and the hashed assets alone', async () => {
    const api = await fetch(`${server.url}/api/session`);
    expect(api.status).toBe(401);
    expect(api.headers.get('cache-control')).toBeNull();
    await api.arrayBuffer();
    const asset = await fetch(`${server.url}/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBeNull();
    await asset.arrayBuffer();
  });
});
