import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import { buildLongDraft } from '../bench/editorDraft.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openSignedIn, readCopy, waitConnected, waitForCopy } from '../support/editorPage.ts';
import { DEMO_PASSWORD, type TestServer } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const SAMPLE = new URL('../../../shared/samples/talks-draft.md', import.meta.url);

/** A 3,000-word draft: far more blocks than one screen shows. */
async function importLongDraft(server: TestServer): Promise<{ draftId: string; lastWords: string }> {
  const draft = buildLongDraft(readFileSync(SAMPLE, 'utf8'), 3000);
  const res = await fetch(`${server.url}/api/docs/import`, {
    method: 'POST',
    headers: { ...(await server.authHeaders('editor')), 'content-type': 'application/json' },
    body: JSON.stringify({ content: draft.markdown, format: 'markdown', title: 'A long draft' }),
  });
  expect(res.status).toBe(201);
  return { draftId: draftAnswerSchema.parse(await res.json()).draft.id, lastWords: draft.lastWords };
}

/** The end of the copy as read, with the no-break spaces a browser types at the end of a line as spaces. */
const copyEnd = async (page: Page) => (await readCopy(page)).replace(/\u00a0/g, ' ').trimEnd();

/** Whether the copy's block at `index` (negative: from the end) is on screen. */
const isBlockOnScreen = (page: Page, index: number) =>
  page.evaluate((at) => {
    const blocks = document.querySelector('[aria-label="Draft copy"]')!.children;
    const box = blocks[at < 0 ? blocks.length + at : at]!.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }, index);

/**
 * A long draft's off-screen blocks are not rendered (content-visibility), so
 * moving to the ends of the copy must not depend on the browser's layout of
 * them: Ctrl+End lands at the very end of the last block and Ctrl+Home at the
 * start of the headline, scrolled into view, and Shift extends the selection.
 */
describe.skipIf(unavailable !== undefined)('a long draft, in Chromium', () => {
  const suite = useBrowserSuite();

  it('moves to the ends of the copy with Ctrl+End and Ctrl+Home, and extends the selection with Shift', async () => {
    const { draftId, lastWords } = await importLongDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await waitForCopy(page, lastWords);
    expect(await isBlockOnScreen(page, -1)).toBe(false);

    // From the middle of the copy, several times: the browser's own handling went wrong only sometimes.
    for (const marker of [' END-ONE', ' END-TWO', ' END-THREE']) {
      await page.locator('.copy p').nth(20).click();
      // ProseMirror takes a click's caret from the selectionchange that follows it; a person is never faster.
      await page.waitForTimeout(100);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(marker);
      await waitForCopy(page, marker.trim());
      expect(await copyEnd(page)).toMatch(new RegExp(`${lastWords}( END-[A-Z]+)*$`));
      expect(await isBlockOnScreen(page, -1)).toBe(true);
    }
    expect((await copyEnd(page)).endsWith(`${lastWords} END-ONE END-TWO END-THREE`)).toBe(true);

    await page.keyboard.press('Control+Home');
    await page.keyboard.type('START ');
    await waitForCopy(page, 'START');
    expect(await page.locator('.copy h1').innerText()).toMatch(/^START /);
    expect(await isBlockOnScreen(page, 0)).toBe(true);

    // Shift+Ctrl+End from the headline's start selects to the very end: typing replaces it all.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+Control+End');
    const selected = await page.evaluate(() => {
      const selection = getSelection()!;
      const range = selection.getRangeAt(0);
      const copy = document.querySelector('[aria-label="Draft copy"]')!;
      return { startsAtHeadline: copy.firstElementChild!.contains(range.startContainer), endsInLast: copy.lastElementChild!.contains(range.endContainer) };
    });
    expect(selected).toEqual({ startsAtHeadline: true, endsInLast: true });
  });
});
