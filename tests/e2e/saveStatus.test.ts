import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchProfile, type BrowserProfile } from '../support/browser.ts';
import { ensureClientBuilt, openSignedIn, waitConnected } from '../support/editorPage.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * The save status is a live region: whatever it says, a screen reader reads
 * out. Each keystroke is unsaved only until the server's ack a few
 * milliseconds later, so "Saving…" appears only when a save takes longer than
 * a second; the true state is always in its data-state.
 */
describe.skipIf(unavailable !== undefined)('the save status in Chromium', () => {
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

  it('stays calm while saves are quick, says "Saving…" when one is slow, and "All changes saved" once it is stored', async () => {
    const url = `${server.url}/docs/${await server.createDraftAs('editor', 'Ferry timetable')}`;

    // The page's socket runs through the test, which can hold what the server sends (its acks among them).
    const fromServer = { isHeld: false, held: [] as (string | Buffer)[], release: () => {} };
    const page: Page = await profile.context.newPage();
    await page.routeWebSocket(/\/collab\//, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => (fromServer.isHeld ? fromServer.held.push(message) : socket.send(message)));
      fromServer.release = () => {
        fromServer.isHeld = false;
        for (const message of fromServer.held.splice(0)) socket.send(message);
      };
    });
    await openSignedIn(page, url, 'editor', DEMO_PASSWORD);
    await waitConnected(page);

    const status = page.locator('.save-status');
    await page.evaluate(() => {
      const element = document.querySelector('.save-status')!;
      const said: string[] = [];
      (window as unknown as { statusSaid: string[] }).statusSaid = said;
      new MutationObserver(() => said.push(element.textContent ?? '')).observe(element, { subtree: true, childList: true, characterData: true });
    });
    const copy = page.getByRole('textbox', { name: 'Draft copy' });
    await copy.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Sailings resume on Monday.', { delay: 40 });
    await status.and(page.locator('[data-state="saved"]')).waitFor();
    const said = await page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid);
    expect(said.filter((text) => text.includes('Saving'))).toEqual([]);
    await expect(status.innerText()).resolves.toMatch(/^All changes saved/);

    // A save whose ack does not come: the true state at once, the words after a second.
    fromServer.isHeld = true;
    await page.keyboard.type(' Fares are unchanged.');
    await status.and(page.locator('[data-state="saving"]')).waitFor();
    await status.getByText('Saving…').waitFor({ timeout: 5000 });
    fromServer.release();
    await status.and(page.locator('[data-state="saved"]')).waitFor({ timeout: 10_000 });
    await expect(status.innerText()).resolves.toMatch(/^All changes saved/);
  }, 60_000);
});
