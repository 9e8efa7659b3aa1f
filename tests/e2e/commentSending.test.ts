import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs } from '../support/editorPage.ts';
import { flagLastParagraph } from '../support/flagFixtures.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/**
 * A reply field stays open while its reply is sent; what is typed there
 * meanwhile is the next reply, and the field keeps it when the first is in.
 */
describe.skipIf(unavailable !== undefined)('replying in a flag thread, in Chromium', () => {
  const suite = useBrowserSuite();

  it('keeps what is typed while a reply is being sent, and sends it next', async () => {
    const draftId = await importSampleDraft(suite.server);
    await flagLastParagraph(suite.server, draftId, [{ quote: 'private negotiations', kind: 'claim', by: 'legal' }]);
    const page = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(page, `${suite.server.url}/docs/${draftId}`, 'editor');
    await page.locator('.flag-list__items .flag-card').first().click();
    const thread = page.getByRole('article', { name: 'Flag: private negotiations' });

    // The server's answer to the first reply is held until the second is typed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/comments$/, async (route) => {
      await held;
      await route.continue();
    });
    const field = thread.getByLabel('Reply', { exact: true });
    await field.fill('Confirmed with the mayor’s office.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByRole('button', { name: 'Sending…' }).waitFor();
    await field.fill('And with the council.');
    release();

    await thread.locator('.comment', { hasText: 'Confirmed with the mayor’s office.' }).waitFor();
    await thread.getByRole('button', { name: 'Reply', exact: true }).waitFor();
    await expect(field.inputValue()).resolves.toBe('And with the council.');
    await page.unroute(/\/comments$/);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.locator('.comment', { hasText: 'And with the council.' }).waitFor();
    await expect.poll(() => field.inputValue()).toBe('');
  }, 60_000);
});
