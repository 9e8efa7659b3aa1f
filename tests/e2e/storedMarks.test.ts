import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs, waitForCopy } from '../support/editorPage.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * Ctrl+B applies where the caret is when the key is pressed, even when the
 * browser has moved the caret (End, a click) and not yet told the editor: on
 * a busy page the key can come before the selection-change event. Here the
 * caret is moved and Ctrl+B pressed in one task, so the event always comes
 * after the key.
 */
describe.skipIf(unavailable !== undefined)('marks switched on at the caret, in Chromium', () => {
  const suite = useBrowserSuite();

  it('puts Ctrl+B where the caret has just been moved, before the editor heard of the move', async () => {
    const url = `${suite.server.url}/docs/${await suite.server.createDraftAs('editor', 'Ferry timetable')}`;
    const page = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(page, url, 'editor');
    const copy = page.getByRole('textbox', { name: 'Draft copy' });
    await copy.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Sailings resume on Monday.');
    await waitForCopy(page, 'Sailings resume on Monday.');
    // Back to the start of the sentence, and the editor knows it.
    await page.keyboard.press('Home');
    await page.waitForTimeout(100);

    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('.copy p')].find((p) => p.textContent === 'Sailings resume on Monday.')!;
      const text = paragraph.firstChild!;
      getSelection()!.collapse(text, text.textContent!.length);
      paragraph.closest('[contenteditable]')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'b', code: 'KeyB', ctrlKey: true, bubbles: true, cancelable: true }),
      );
    });
    await page.keyboard.type(' Fares are unchanged.');
    await waitForCopy(page, 'Sailings resume on Monday. Fares are unchanged.');
    await expect.poll(() => page.locator('.copy p strong').allInnerTexts()).toEqual([' Fares are unchanged.']);
  }, 60_000);
});
