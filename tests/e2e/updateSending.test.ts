import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openSignedIn, readCopy, selectInCopy, waitConnected, waitForCopy } from '../support/editorPage.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * How the editor sends what is typed: not inside the keystroke, where
 * encoding and sending would hold up the frame that shows the character, but
 * once that frame is painted, as one update for everything typed in it.
 */
describe.skipIf(unavailable !== undefined)('sending edits, in Chromium', () => {
  const suite = useBrowserSuite();

  it('sends the edits of one frame as one update once the frame is painted, and the server stores them all', async () => {
    const draftId = await suite.server.createDraftAs('editor', 'Harbour dues');
    const url = `${suite.server.url}/docs/${draftId}`;
    const page = await newProfilePage(suite.profiles, 'editor');
    // Every sync update (message type 0, sync step "update" 2) the page's sockets send, counted as it is sent.
    await page.addInitScript(() => {
      const counter = { updates: 0 };
      (window as unknown as { __sentUpdates: typeof counter }).__sentUpdates = counter;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (data) {
        if (data instanceof Uint8Array && data[0] === 0 && data[1] === 2) counter.updates++;
        return send.call(this, data);
      };
    });
    await openSignedIn(page, url, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await page.locator('.copy p').first().click();
    await page.keyboard.type('Dues rise ');
    await waitForCopy(page, 'Dues rise');
    await page.locator('[data-state="saved"]').waitFor();
    await selectInCopy(page, 'rise');
    await page.keyboard.press('End');

    const counts = await page.evaluate(async () => {
      const sent = (window as unknown as { __sentUpdates: { updates: number } }).__sentUpdates;
      const before = sent.updates;
      const copy = document.querySelector('[aria-label="Draft copy"]') as HTMLElement;
      // Three edits in one task: ProseMirror reads each DOM change in a microtask, so each is its own transaction.
      const drainMicrotasks = async () => {
        for (let i = 0; i < 10; i++) await Promise.resolve();
      };
      for (const word of ['by ', 'ten ', 'percent']) {
        document.execCommand('insertText', false, word);
        await drainMicrotasks();
      }
      const inTheTask = sent.updates - before;
      const hasEdits = copy.innerText.includes('Dues rise by ten percent');
      // The next frame is painted, then the message posted from its animation frame callback runs.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
      return { inTheTask, hasEdits, afterThePaint: sent.updates - before };
    });
    expect(counts).toEqual({ inTheTask: 0, hasEdits: true, afterThePaint: 1 });

    // Stored: another person opening the draft sees every word.
    await page.locator('[data-state="saved"]').waitFor();
    const reader = await newProfilePage(suite.profiles, 'legal');
    await openSignedIn(reader, url, 'legal', DEMO_PASSWORD);
    await waitForCopy(reader, 'Dues rise by ten percent');
    expect(await readCopy(reader)).toContain('Dues rise by ten percent');
  });
});
