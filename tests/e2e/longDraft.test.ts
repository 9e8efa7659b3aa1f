import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import { buildLongDraft, createFlags, spreadFlags } from '../support/longDraft.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { connectClient } from '../support/collabClient.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { firstCopyFrame, openSignedIn, readCopy, waitConnected, waitForCopy, watchCopyFrame } from '../support/editorPage.ts';
import { FLAG_ITEMS, focusedCardPosition, isInPanelView, revealFlagCard } from '../support/flagPanel.ts';
import { DEMO_PASSWORD, type TestServer } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const SAMPLE = new URL('../../../shared/samples/talks-draft.md', import.meta.url);

/** A draft of `words` words (3,000: far more blocks than one screen shows). */
async function importLongDraft(server: TestServer, words = 3000): Promise<{ draftId: string; lastWords: string }> {
  const draft = buildLongDraft(readFileSync(SAMPLE, 'utf8'), words);
  const res = await fetch(`${server.url}/api/docs/import`, {
    method: 'POST',
    headers: { ...(await server.authHeaders('editor')), 'content-type': 'application/json' },
    body: JSON.stringify({ content: draft.markdown, format: 'markdown', title: 'A long draft' }),
  });
  expect(res.status).toBe(201);
  return { draftId: draftAnswerSchema.parse(await res.json()).draft.id, lastWords: draft.lastWords };
}

/** A long draft with `count` flags spread over it, made through the API as the editor; resolves to its id. */
async function importFlaggedLongDraft(server: TestServer, count: number): Promise<string> {
  const { draftId } = await importLongDraft(server);
  const token = await server.tokenFor('editor');
  const reader = connectClient(`${server.url.replace(/^http/, 'ws')}/collab`, draftId, { token });
  try {
    await reader.waitSynced();
    await createFlags(server.url, token, draftId, spreadFlags(reader.doc, count));
  } finally {
    reader.destroy();
  }
  return draftId;
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

/** The caret's box against the bars that stay on screen: the toolbar's bottom and the word count's top. */
const caretBetweenBars = (page: Page) =>
  page.evaluate(() => {
    const caret = getSelection()!.getRangeAt(0).getBoundingClientRect();
    const toolbarBottom = document.querySelector('.draft-editor__toolbar')!.getBoundingClientRect().bottom;
    const statusTop = document.querySelector('.statusline')!.getBoundingClientRect().top;
    return { belowToolbar: caret.top >= toolbarBottom, aboveWordCount: caret.bottom <= statusTop };
  });

/** Where the middle of the open flag's span is, as a fraction of the window's height (0 top, 1 bottom). */
const activeFlagHeight = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('.copy .flag--active')?.getBoundingClientRect();
    return box ? (box.top + box.bottom) / 2 / window.innerHeight : null;
  });

/**
 * A long draft's off-screen blocks are not rendered (content-visibility), so
 * nothing that moves through the copy may depend on the browser's layout of
 * them: Ctrl+End lands at the very end of the last block and Ctrl+Home at the
 * start of the headline, scrolled into view, and Shift extends the selection;
 * opening a flag far down from its card brings its span to the middle.
 */
describe.skipIf(unavailable !== undefined)('a long draft, in Chromium', () => {
  const suite = useBrowserSuite();

  /** A long draft with `count` flags, opened as the editor, once its flag list counts them all. */
  async function openWithFlagList(count: number): Promise<Page> {
    const draftId = await importFlaggedLongDraft(suite.server, count);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await page.getByRole('status').filter({ hasText: `${count} flags` }).waitFor();
    return page;
  }

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

  it('brings a flag far down the copy to the middle of the window when its card is opened', async () => {
    // A busy draft: 300 flags, about one every ten words.
    const page = await openWithFlagList(300);
    // A flag four fifths of the way down, in blocks never drawn yet.
    await (await revealFlagCard(page, 241)).click();
    // The smooth scroll passes blocks that take their real height as they are drawn; where it stops is what counts.
    await expect
      .poll(() => activeFlagHeight(page), { timeout: 10_000, interval: 250 })
      .toSatisfy((height: number | null) => height !== null && height > 0.25 && height < 0.75);
    await page.waitForTimeout(2000);
    const settled = await activeFlagHeight(page);
    expect(settled).toBeGreaterThan(0.25);
    expect(settled).toBeLessThan(0.75);
  });

  it('lists 300 flags drawing only the cards near the view, each saying where it stands, and keeps the focused card through any scroll', async () => {
    const page = await openWithFlagList(300);
    const items = page.locator(FLAG_ITEMS);
    const drawn = () => items.evaluateAll((lis) => lis.map((li) => [Number(li.getAttribute('aria-posinset')), Number(li.getAttribute('aria-setsize'))]));
    await expect.poll(async () => (await drawn()).length).toBeGreaterThan(4);
    const first = await drawn();
    expect(first.length).toBeLessThan(40);
    expect(first).toEqual(first.map((_, index) => [index + 1, 300]));

    // Tab walks on past the cards first drawn, each one brought into the panel's view.
    await items.first().locator('.flag-card').focus();
    for (let i = 0; i < 45; i++) await page.keyboard.press('Tab');
    expect(await focusedCardPosition(page)).toBe(46);
    expect(await isInPanelView(page.locator('.flag-card:focus'))).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedCardPosition(page)).toBe(41);

    // Scrolled to the far end, the last card is there, the focused one stays, and Tab goes on from it.
    const last = await revealFlagCard(page, 300);
    expect(await isInPanelView(last)).toBe(true);
    expect((await drawn()).length).toBeLessThan(40);
    expect(await focusedCardPosition(page)).toBe(41);
    await page.keyboard.press('Tab');
    expect(await focusedCardPosition(page)).toBe(42);

    // A filter counts and places the cards it leaves.
    await page.locator('.flag-filters select').first().selectOption('legal-risk');
    await page.getByRole('status').filter({ hasText: '100 of 300 flags shown' }).waitFor();
    await expect.poll(async () => (await drawn()).every(([, size]) => size === 100)).toBe(true);
    await expect(page.locator('.flag-card:not(.flag-card--legal-risk)').count()).resolves.toBe(0);
  }, 90_000);

  it('keeps the caret in sight between the sticky toolbar and the word count as it moves', async () => {
    const { draftId } = await importLongDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await page.locator('.copy p').nth(2).click();
    await page.waitForTimeout(100);
    const inSight = { belowToolbar: true, aboveWordCount: true };
    // The browser moves the caret (Page Down, arrows) and reveals it itself.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('PageDown');
      expect(await caretBetweenBars(page)).toEqual(inSight);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowUp');
      expect(await caretBetweenBars(page)).toEqual(inSight);
    }
    // ProseMirror moves it and scrolls (Ctrl+End), and typing scrolls at each key.
    await page.keyboard.press('Control+End');
    expect(await caretBetweenBars(page)).toEqual(inSight);
    await page.keyboard.press('Control+Home');
    await page.locator('.copy p').nth(2).click();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type(' typed under the toolbar?');
    expect(await caretBetweenBars(page)).toEqual(inSight);
  });

  it('draws a flagged draft with its flags in the first frame that shows the copy', async () => {
    const draftId = await importFlaggedLongDraft(suite.server, 100);
    const page = await newProfilePage(suite.profiles, 'editor');
    await watchCopyFrame(page);
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    // Not painted bare first and flagged a frame later (the flags near the top are in the copy at once).
    expect((await firstCopyFrame(page)).flagSpans).toBeGreaterThan(0);
  });
});
