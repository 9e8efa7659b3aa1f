import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { flagAsClaim, openDraftAs, readCopy, selectInCopy } from '../support/editorPage.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** What has the focus: a flag's thread by its label, the copy, or another element's name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return null;
    if (active.closest('[aria-label="Draft copy"]')) return 'the copy';
    return active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.tagName;
  });

const selectedText = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');

/**
 * Flags from the keyboard, both ways: Alt+Enter in the copy opens the thread
 * of the flag the caret (or the selection) is in and puts the focus on it, so
 * a screen reader reads out which flag; "Show in copy" in the thread puts the
 * focus back in the copy with the flagged words selected.
 */
describe.skipIf(unavailable !== undefined)('flags from the keyboard, in Chromium', () => {
  const suite = useBrowserSuite();

  it('opens the thread of the flag at the caret with Alt+Enter, and goes back to its words with "Show in copy"', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(page, `${suite.server.url}/docs/${draftId}`, 'editor');
    await flagAsClaim(page, 'within 24 hours', 'Check the pledge.');
    await page.locator('.copy .flag--claim', { hasText: 'within 24 hours' }).waitFor();
    const thread = page.getByRole('article', { name: 'Flag: within 24 hours' });

    // From the Activity tab, with the caret inside the flagged words: the thread shows, and has the focus.
    await page.getByRole('button', { name: 'All flags' }).click();
    await page.getByRole('tab', { name: 'Activity' }).click();
    await selectInCopy(page, '24 hours');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Enter');
    await thread.waitFor();
    await expect.poll(() => focused(page)).toBe('Flag: within 24 hours');
    await expect(page.getByRole('tab', { name: /^All flags/ }).getAttribute('aria-selected')).resolves.toBe('true');

    // Back to the copy from the thread, by keys: the flagged words are selected there.
    await page.getByRole('button', { name: 'Show in copy' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('the copy');
    await expect.poll(() => selectedText(page)).toBe('within 24 hours');

    // A selection that is the flag's words (the caret at its end) counts as in it.
    await page.getByRole('button', { name: 'All flags' }).click();
    await thread.waitFor({ state: 'hidden' });
    await selectInCopy(page, 'within 24 hours');
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => focused(page)).toBe('Flag: within 24 hours');

    // Outside any flag the key does nothing: no thread, and the copy is as it was.
    await page.getByRole('button', { name: 'All flags' }).click();
    await thread.waitFor({ state: 'hidden' });
    const before = await readCopy(page);
    await page.locator('.copy h1').click();
    await page.keyboard.press('Alt+Enter');
    await page.waitForTimeout(300);
    expect(await thread.count()).toBe(0);
    expect(await focused(page)).toBe('the copy');
    expect(await readCopy(page)).toBe(before);

    // The same flag again, from the History tab, with its thread open behind that tab.
    const openFromCaret = async () => {
      await selectInCopy(page, '24 hours');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Alt+Enter');
      await expect.poll(() => focused(page)).toBe('Flag: within 24 hours');
    };
    await openFromCaret();
    await page.getByRole('tab', { name: 'History' }).click();
    await thread.waitFor({ state: 'hidden' });
    await openFromCaret();
  }, 60_000);

  /** The sample draft open for an editor, words near its end flagged as a claim, and the list of flags showing again. */
  async function openWithClaimNearTheEnd() {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(page, `${suite.server.url}/docs/${draftId}`, 'editor');
    const words = 'fresh reports of Russian missile strikes';
    await flagAsClaim(page, words, 'Which reports?');
    const thread = page.getByRole('article', { name: `Flag: ${words}` });
    await thread.waitFor();
    const link = new URL(page.url()).hash;
    expect(link).toMatch(/^#flag-/);
    await page.getByRole('button', { name: 'All flags' }).click();
    await thread.waitFor({ state: 'hidden' });
    return { page, words, thread, link, span: page.locator('.copy .flag--claim', { hasText: words }) };
  }

  it('opens the thread of a flag clicked in the copy and leaves the copy, and the caret, where they were', async () => {
    const { page, words, thread, span } = await openWithClaimNearTheEnd();

    // The flag on the last lines of the window, where a scroll to the flag would move it to the middle.
    await span.evaluate((element) => {
      const box = element.getBoundingClientRect();
      window.scrollBy({ top: box.bottom - (window.innerHeight - 60), behavior: 'instant' });
    });
    const scrolledTo = await page.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(0);
    await span.click();
    await thread.waitFor();
    // Longer than a smooth scroll takes to settle.
    await page.waitForTimeout(1600);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolledTo);

    // The caret stays where the click put it: a key typed now goes in among the flagged words, it does not replace them.
    expect(await selectedText(page)).toBe('');
    expect(await readCopy(page)).not.toContain('Ж');
    await page.keyboard.type('Ж');
    await expect.poll(() => readCopy(page)).toContain('Ж');
    const copy = await readCopy(page);
    expect(copy).not.toContain(words);
    expect(copy.replace('Ж', '')).toContain(words);
  }, 60_000);

  it('brings a flag opened again from its link to the middle of the window, as the first time', async () => {
    const { page, words, thread, link, span } = await openWithClaimNearTheEnd();

    // Far from the flag, the link again (as the inbox's would be followed).
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    const isSpanInView = async () => {
      const box = await span.boundingBox();
      const height = await page.evaluate(() => window.innerHeight);
      return box !== null && box.y >= 0 && box.y + box.height <= height;
    };
    expect(await isSpanInView()).toBe(false);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, link);
    await thread.waitFor();
    await expect.poll(isSpanInView).toBe(true);
    await expect.poll(() => selectedText(page)).toBe(words);
  }, 60_000);
});
