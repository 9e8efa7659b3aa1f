import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { assetTiming, openSignedIn, selectInCopy, waitConnected, waitForCopy, watchCopyFrame } from '../support/editorPage.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const LINKIFY_CHUNK = /\/assets\/linkify-[^/]*\.js$/;

/** Puts the caret at the end of the body's first paragraph. */
async function caretAtEndOfFirstParagraph(page: Page): Promise<void> {
  await page.locator('.copy p', { hasText: 'within 24 hours' }).first().click();
  await page.keyboard.press('End');
}

/** Pastes `text` as the clipboard would, over whatever is selected. */
const pastePlainText = (page: Page, text: string) =>
  page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document
      .querySelector('[aria-label="Draft copy"]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

/**
 * Links made without the link dialog: a URL typed and followed by a space
 * becomes a link, and a URL pasted over selected words links them. The code
 * that recognises URLs (linkifyjs) is not part of what opening a draft waits
 * for: it loads once the copy is on screen, and a page where it cannot load
 * keeps working with plain text.
 */
describe.skipIf(unavailable !== undefined)('automatic links, in Chromium', () => {
  const suite = useBrowserSuite();

  it('a typed URL becomes a link once a space follows it, and a URL pasted over words links them; the code for it loads after the copy is drawn', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await watchCopyFrame(page);
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);

    const { fetchedAt, copyFrameAt } = await assetTiming(page, LINKIFY_CHUNK);
    expect(copyFrameAt).toBeDefined();
    expect(fetchedAt).toBeGreaterThan(copyFrameAt!);

    await caretAtEndOfFirstParagraph(page);
    await page.keyboard.type(' Full text: example.org/talks-report and more');
    const typed = page.locator('.copy a', { hasText: 'example.org/talks-report' });
    await typed.waitFor();
    await expect(typed.getAttribute('href')).resolves.toBe('https://example.org/talks-report');
    await expect(typed.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
    // The words after the space are not part of the link.
    await expect(typed.innerText()).resolves.toBe('example.org/talks-report');

    await selectInCopy(page, 'high-level talks');
    await pastePlainText(page, 'https://example.org/talks');
    const pasted = page.locator('.copy a', { hasText: 'high-level talks' });
    await pasted.waitFor();
    await expect(pasted.getAttribute('href')).resolves.toBe('https://example.org/talks');
    await waitForCopy(page, 'as high-level talks ended');
  });

  it('where that code cannot load, a typed URL stays plain text and the editor carries on', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    const pageErrors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // As after a deploy that removed the chunk, or a network gone just then (the service worker's requests included).
    await page.context().route(LINKIFY_CHUNK, (route) => route.abort());
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    await expect.poll(() => warnings.some((text) => text.includes('Automatic links are unavailable'))).toBe(true);

    await caretAtEndOfFirstParagraph(page);
    await page.keyboard.type(' Full text: example.org/talks-report and more');
    await waitForCopy(page, 'Full text: example.org/talks-report and more');
    await expect(page.locator('.copy a', { hasText: 'example.org/talks-report' }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
