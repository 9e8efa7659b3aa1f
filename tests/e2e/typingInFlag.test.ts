import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flagAsClaim, openSignedIn, selectInCopy, waitConnected } from '../support/editorPage.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** The text of every range the page paints with the CSS highlight `name`. */
const highlighted = (page: Page, name: string) =>
  page.evaluate((highlightName) => [...(CSS.highlights.get(highlightName) ?? [])].map((range) => (range as Range).toString()), name);

describe.skipIf(unavailable !== undefined)('typing inside a flag, in Chromium', () => {
  const suite = useBrowserSuite();

  it('keeps the flag painted and its span mapped without redrawing the text at each key, and draws the span again once the caret leaves', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await page.locator('.copy h1').waitFor();

    await flagAsClaim(page, 'within 24 hours', 'Check the pledge.');
    const flagSpan = page.locator('.copy .flag--claim', { hasText: 'within 24 hours' });
    await flagSpan.waitFor();
    const flagId = await flagSpan.getAttribute('data-flag-id');
    // The new flag's thread is open; back to the list, so the flag is drawn as any other.
    await page.getByRole('button', { name: 'All flags' }).click();

    // The caret goes before "24", inside the flag; the first key turns the span into a highlight.
    await selectInCopy(page, '24 hours');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('a');
    await page.evaluate(() => {
      const copy = document.querySelector('[aria-label="Draft copy"]')!;
      const redraws: string[] = [];
      (window as unknown as { __redraws: string[] }).__redraws = redraws;
      new MutationObserver((records) => {
        for (const record of records) if (record.type === 'childList') redraws.push(record.target.nodeName);
      }).observe(copy, { childList: true, subtree: true });
    });
    await page.keyboard.type('bout ', { delay: 30 });

    await expect.poll(() => highlighted(page, 'flag-typing-claim')).toEqual(['within about 24 hours']);
    // Later keys change the text in place: no element of the copy was added or removed.
    expect(await page.evaluate(() => (window as unknown as { __redraws: string[] }).__redraws)).toEqual([]);
    expect(await page.locator(`.copy [data-flag-id="${flagId}"]`).count()).toBe(0);

    // Pointing at the flag's text lights up its card; a click still opens its thread, and the flag is painted as the open one.
    const box = await page.evaluate(() => {
      const rect = ([...CSS.highlights.get('flag-typing-claim')!][0] as Range).getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.locator('.flag-card--hovered', { hasText: 'within 24 hours' }).waitFor();
    await expect.poll(() => highlighted(page, 'flag-typing-marked')).toEqual(['within about 24 hours']);
    await page.mouse.click(box.x, box.y);
    await page.getByRole('article', { name: /^Flag: / }).waitFor();
    await expect.poll(() => highlighted(page, 'flag-typing-marked')).toEqual(['within about 24 hours']);

    // The caret leaves the flag: its span is back, over the words typed into it, and nothing is painted.
    await page.locator('.copy h1').click();
    await page.locator(`.copy .flag--claim[data-flag-id="${flagId}"]`, { hasText: 'within about 24 hours' }).waitFor();
    expect(await highlighted(page, 'flag-typing-claim')).toEqual([]);
    expect(await highlighted(page, 'flag-typing-marked')).toEqual([]);
  });
});
