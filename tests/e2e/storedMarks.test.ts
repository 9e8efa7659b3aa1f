import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs, waitForCopy } from '../support/editorPage.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * Bold switched on at the caret stays on when a co-editor's edit arrives
 * before the next key: the remote edit is not the writer's own move.
 */
describe.skipIf(unavailable !== undefined)('marks switched on at the caret, in Chromium', () => {
  const suite = useBrowserSuite();

  it('keeps Ctrl+B through a co-editor’s edit that arrives before the next key', async () => {
    const url = `${suite.server.url}/docs/${await importSampleDraft(suite.server)}`;
    const writer = await newProfilePage(suite.profiles, 'editor');
    const coEditor = await newProfilePage(suite.profiles, 'chief');
    await openDraftAs(writer, url, 'editor');
    await openDraftAs(coEditor, url, 'chief');

    await writer.locator('.copy p:not([data-type])').first().click();
    await writer.keyboard.press('End');
    await writer.keyboard.press('Control+b');

    await coEditor.locator('.copy p:not([data-type])').last().click();
    await coEditor.keyboard.press('End');
    await coEditor.keyboard.type(' Added by the desk.');
    await waitForCopy(writer, 'Added by the desk.');

    await writer.keyboard.type(' Strong words');
    await waitForCopy(writer, 'Strong words');
    await expect.poll(() => writer.locator('.copy p strong', { hasText: 'Strong words' }).count()).toBe(1);
    await expect.poll(() => coEditor.locator('.copy p strong', { hasText: 'Strong words' }).count()).toBe(1);
  }, 90_000);
});
