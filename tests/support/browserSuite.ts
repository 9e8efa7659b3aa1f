import { afterAll, beforeAll } from 'vitest';
import type { BrowserProfile } from './browser.ts';
import { ensureClientBuilt } from './editorPage.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

export interface BrowserSuite {
  /** The suite's server; set once its beforeAll has run. */
  server: TestServer;
  /** Profiles the tests open (newProfilePage adds them); all closed after the suite. */
  profiles: BrowserProfile[];
}

/**
 * Registers, in the calling `describe`, the usual hooks of a browser suite:
 * the built client (built when missing), one test server for the suite, and
 * the profiles closed and the server disposed afterwards. `serverOptions` go
 * to startTestServer, for a suite that needs its server set up differently.
 * A suite's own beforeAll/afterAll, registered after this call, run once the
 * server is up and before it is disposed (vitest runs afterAll hooks in reverse).
 */
export function useBrowserSuite(serverOptions?: TestServerOptions): BrowserSuite {
  const suite = { profiles: [] } as unknown as BrowserSuite;
  beforeAll(async () => {
    ensureClientBuilt();
    suite.server = await startTestServer(serverOptions);
  });
  afterAll(async () => {
    for (const profile of suite.profiles.splice(0)) await profile.close();
    await (suite.server as TestServer | undefined)?.dispose();
  });
  return suite;
}
