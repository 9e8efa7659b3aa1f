import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchProfile, type BrowserProfile } from '../support/browser.ts';
import { ensureClientBuilt, openSignedIn, readCopy, waitConnected, waitForCopy } from '../support/editorPage.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * Each open draft keeps a copy in the browser's IndexedDB, written in small
 * batches rather than one write per keystroke. A page that goes away writes
 * its last batch on the way out, so reopening the draft without its live
 * connection still shows every word typed.
 */
describe.skipIf(unavailable !== undefined)('the offline copy in Chromium', () => {
  let server: TestServer;
  let profile: BrowserProfile;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer();
    profile = await launchProfile();
  });
  afterAll(async () => {
    await profile?.close();
    await server?.dispose();
  });

  it('holds every word typed up to a reload, and opens from it when the server cannot be reached', async () => {
    const url = `${server.url}/docs/${await server.createDraftAs('editor', 'Ferry timetable')}`;
    const page: Page = await profile.context.newPage();
    let isServerReachable = true;
    // While unreachable, the page's live connection goes nowhere: no sync, no content from the server.
    await page.routeWebSocket(/\/collab\//, (socket) => {
      if (isServerReachable) socket.connectToServer();
    });
    await openSignedIn(page, url, 'editor', DEMO_PASSWORD);
    await waitConnected(page);

    await page.getByRole('textbox', { name: 'Draft copy' }).click();
    await page.keyboard.press('Control+End');
    const typed = 'Sailings resume on Monday, the operator said.';
    await page.keyboard.type(typed);
    await waitForCopy(page, typed);

    // At once, well inside one batch's delay: the page writes what it holds as it goes.
    isServerReachable = false;
    await page.reload();
    await waitForCopy(page, typed);
    await expect(readCopy(page)).resolves.toContain(typed);
  }, 60_000);
});
