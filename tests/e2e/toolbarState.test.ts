import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openSignedIn, waitConnected, waitForCopy } from '../support/editorPage.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** What a toolbar button tells assistive technology: pressed, and whether it can act. */
const stateOf = async (page: Page, label: string) => {
  const button = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: label, exact: true });
  return { pressed: await button.getAttribute('aria-pressed'), disabled: (await button.getAttribute('aria-disabled')) === 'true' };
};
const expectState = (page: Page, label: string, expected: { pressed?: string | null; disabled: boolean }) =>
  expect.poll(async () => {
    const state = await stateOf(page, label);
    return expected.pressed === undefined ? { disabled: state.disabled } : state;
  }).toEqual(expected);

/**
 * The formatting toolbar follows the caret: what each button says (pressed,
 * or unable to act) is right for where the caret is, through typing, moving
 * between blocks and switching a mark on and off. While the caret stays in
 * one paragraph the toolbar keeps its answers rather than asking every
 * command again at each key; these are the moments they must change.
 */
describe.skipIf(unavailable !== undefined)('the formatting toolbar, in Chromium', () => {
  const suite = useBrowserSuite();

  it('says what each button can do where the caret is, while typing and moving between blocks', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);

    // The headline takes no bold and is no list.
    await page.locator('.copy h1').click();
    await expectState(page, 'Bold', { pressed: 'false', disabled: true });
    await expectState(page, 'Bulleted list', { disabled: true });

    // A paragraph of the body takes both (the standfirst, a paragraph of its own kind, takes neither).
    await page.locator('.copy p:not([data-type])').first().click();
    await page.keyboard.press('End');
    await expectState(page, 'Bold', { pressed: 'false', disabled: false });
    await expectState(page, 'Bulleted list', { pressed: 'false', disabled: false });

    // Bold switched on at the caret, typed with, then off again.
    await page.keyboard.press('Control+b');
    await expectState(page, 'Bold', { pressed: 'true', disabled: false });
    await page.keyboard.type(' Strong words');
    await waitForCopy(page, 'Strong words');
    expect(await page.locator('.copy p strong', { hasText: 'Strong words' }).count()).toBe(1);
    await expectState(page, 'Bold', { pressed: 'true', disabled: false });
    await expectState(page, 'Undo', { disabled: false });
    await page.keyboard.press('Control+b');
    await expectState(page, 'Bold', { pressed: 'false', disabled: false });
    await page.keyboard.type(' and plain ones');
    await expectState(page, 'Bold', { pressed: 'false', disabled: false });

    // Into a list: the list button is pressed there, and not once the caret is back in the headline.
    await page.keyboard.press('Control+Shift+8');
    await expectState(page, 'Bulleted list', { pressed: 'true', disabled: false });
    await page.keyboard.type(' listed');
    await expectState(page, 'Bulleted list', { pressed: 'true', disabled: false });
    await page.locator('.copy h1').click();
    await expectState(page, 'Bulleted list', { pressed: 'false', disabled: true });
    await expectState(page, 'Bold', { pressed: 'false', disabled: true });

    // Undo and redo follow the edit history, wherever the caret is.
    await expectState(page, 'Undo', { disabled: false });
    await expectState(page, 'Redo', { disabled: true });
    await page.keyboard.press('Control+z');
    await expectState(page, 'Redo', { disabled: false });
  });
});
