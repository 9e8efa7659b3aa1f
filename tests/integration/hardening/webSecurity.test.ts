import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/api/errorCodes.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/**
 * Web security over HTTP: headers, and paths that try to leave their folder.
 * Proven elsewhere and cited:
 * - state-changing REST refuses cross-site requests (Origin check) with 403
 *   cross_site_request, sign-in included: tests/integration/http/session.test.ts;
 * - the session cookie is HttpOnly and SameSite=Lax: tests/integration/http/session.test.ts;
 * - the live socket refuses a foreign Origin with 4403 (CS18): tests/integration/collab/permissions.test.ts;
 * - `/collab/..%2F..%2Fetc%2Fpasswd` closes with 4404 (CS9): tests/integration/collab/badInput.test.ts.
 */

/** A GET with the path sent exactly as written (fetch would normalise `..` and `%2e`). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The CSP as directive -> sources. */
function parseCsp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('secure headers and path validation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('every answer — the page, the API, an error — carries a strict CSP, nosniff and no framing', async () => {
    const answers = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/api/docs`, { headers: await server.authHeaders('editor') }),
      await fetch(`${server.url}/api/docs`),
      await fetch(`${server.url}/healthz`),
    ];
    for (const res of answers) {
      const csp = parseCsp(res.headers.get('content-security-policy') ?? undefined);
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(scripts, `${res.url} script-src`).toEqual(["'self'"]);
      expect(scripts.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      await res.arrayBuffer();
    }
  });

  it('the page itself has no inline script for the CSP to forbid', () => {
    const html = readFileSync(path.resolve('dist/client/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(content!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('an id that tries to climb out is 404 JSON, never a file', async () => {
    const headers = await server.authHeaders('editor');
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2F..%2Fpackage.json', '%2e%2e%2fcopydesk.sqlite', 'x%00y']) {
      const res = await fetch(`${server.url}/api/docs/${id}`, { headers });
      expect(res.status, id).toBe(404);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('not_found');
    }
  });

  it('static files never leak anything outside the built client: the source, the data folder, /etc/passwd', async () => {
    const attempts = [
      '/..%2f..%2fpackage.json',
      '/..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/../../package.json',
      '/..%5c..%5cpackage.json',
      `/..%2f..%2f${encodeURIComponent(path.relative(path.resolve('dist/client'), server.dataDir))}%2fcopydesk.sqlite`,
      '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e%252fpackage.json',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(server.url, attempt);
      expect(res.body, attempt).not.toContain('"devDependencies"');
      expect(res.body, attempt).not.toContain('root:x:0:0');
      expect(res.body, attempt).not.toContain('SQLite format');
      // Either the single-page app's index (a client route) or a refusal.
      if (res.status === 200) expect(res.headers['content-type'], attempt).toMatch(/^text\/html/);
      else expect([400, 403, 404], attempt).toContain(res.status);
    }
  });
});
