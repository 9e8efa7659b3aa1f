import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs, openSignedIn, readCopy, waitForCopy } from '../support/editorPage.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const shortcutsDialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** The keys a row of the list gives for an action, as shown. */
const keysFor = (page: Page, action: string) =>
  shortcutsDialog(page).locator('.shortcuts__row', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${action}$`) }) }).locator('kbd').allInnerTexts();

const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/**
 * One list of every key the app answers to: `?` opens it outside a text
 * field, Ctrl+/ anywhere (the copy included), the account menu too; Escape
 * or Close shuts it and the focus goes back to where it was.
 */
describe.skipIf(unavailable !== undefined)('the keyboard shortcuts list, in Chromium', () => {
  const suite = useBrowserSuite();

  it('opens with ? on the drafts list and from the account menu, and lists the editor’s keys as the toolbar gives them', async () => {
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('?');
    await shortcutsDialog(page).waitFor();
    await expect(keysFor(page, 'Bold')).resolves.toEqual(['Ctrl+B']);
    await expect(keysFor(page, 'Pull quote')).resolves.toEqual(['Ctrl+Alt+Q']);
    await expect(keysFor(page, 'Flag as legal risk')).resolves.toEqual(['Ctrl+Shift+3']);
    await expect(keysFor(page, 'End of the copy')).resolves.toEqual(['Ctrl+End']);
    await expect(activeLabel(page)).resolves.toBe('Close');
    await page.keyboard.press('Escape');
    await shortcutsDialog(page).waitFor({ state: 'hidden' });

    // Typing ? into a field types it.
    const find = page.getByLabel('Find');
    await find.fill('');
    await find.press('?');
    await expect(find.inputValue()).resolves.toBe('?');
    await expect(shortcutsDialog(page).isVisible()).resolves.toBe(false);

    const accountButton = page.getByRole('button', { name: /account menu/ });
    await accountButton.click();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await shortcutsDialog(page).waitFor();
    await shortcutsDialog(page).getByRole('button', { name: 'Close' }).click();
    await shortcutsDialog(page).waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).resolves.toBe('false');
  }, 60_000);

  it('opens with Ctrl+/ while writing, and gives the caret back to the copy; ? there is only a character', async () => {
    const url = `${suite.server.url}/docs/${await suite.server.createDraftAs('editor', 'Ferry timetable')}`;
    const page = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(page, url, 'editor');
    await page.getByRole('textbox', { name: 'Draft copy' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Will sailings resume?');
    await waitForCopy(page, 'Will sailings resume?');
    await expect(shortcutsDialog(page).isVisible()).resolves.toBe(false);

    await page.keyboard.press('Control+/');
    await shortcutsDialog(page).waitFor();
    await page.keyboard.press('Escape');
    await shortcutsDialog(page).waitFor({ state: 'hidden' });
    await page.keyboard.type(' Yes.');
    await waitForCopy(page, 'Will sailings resume? Yes.');
    await expect(readCopy(page)).resolves.toContain('Will sailings resume? Yes.');
  }, 60_000);
});
