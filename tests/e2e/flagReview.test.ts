import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs } from '../support/editorPage.ts';
import { flagLastParagraph } from '../support/flagFixtures.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import type { DemoUsername } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** Four flags on the sample's last paragraph, in the order they appear in it. */
const FLAGS: Array<{ quote: string; kind: string; by: DemoUsername }> = [
  { quote: 'pushes forward with his campaign', kind: 'claim', by: 'editor' },
  { quote: 'one question looms larger than ever', kind: 'legal-risk', by: 'legal' },
  { quote: 'private negotiations', kind: 'claim', by: 'editor' },
  { quote: 'deliver peace if given the presidency', kind: 'legal-risk', by: 'legal' },
];

/**
 * A legal reviewer reads the legal risks one thread after another: the list's
 * filters hold while a thread is open and when the list comes back, the
 * thread steps to the previous and next flag the list shows, and the header's
 * count of a kind lists that kind.
 */
describe.skipIf(unavailable !== undefined)('reviewing flags one after another, in Chromium', () => {
  const suite = useBrowserSuite();

  it('steps through the listed flags in document order from their threads, and keeps the filters', async () => {
    const draftId = await importSampleDraft(suite.server);
    // Made out of document order, so the list's order is the document's, not the order of making.
    await flagLastParagraph(suite.server, draftId, [3, 0, 2, 1].map((index) => FLAGS[index]!));

    const page = await newProfilePage(suite.profiles, 'legal');
    await openDraftAs(page, `${suite.server.url}/docs/${draftId}`, 'legal');
    const cards = page.locator('.flag-list__items .flag-card');
    await expect.poll(() => cards.count()).toBe(4);

    await page.locator('.flag-filters').getByLabel('Kind').selectOption('legal-risk');
    await expect.poll(() => cards.count()).toBe(2);
    await cards.first().click();

    const thread = page.locator('.thread');
    const stepper = page.getByRole('navigation', { name: 'Listed flags' });
    await expect.poll(() => thread.locator('.flag-quote').innerText()).toBe(FLAGS[1]!.quote);
    expect(await stepper.innerText()).toContain('1 of 2 listed');
    expect(await stepper.getByRole('button', { name: 'Previous flag' }).getAttribute('aria-disabled')).toBe('true');

    // The next legal risk, past the claim between them; the focus stays on Next, so Enter can go on.
    await stepper.getByRole('button', { name: 'Next flag' }).click();
    await expect.poll(() => thread.locator('.flag-quote').innerText()).toBe(FLAGS[3]!.quote);
    expect(await stepper.innerText()).toContain('2 of 2 listed');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Next flag');
    expect(await stepper.getByRole('button', { name: 'Next flag' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await thread.locator('.flag-quote').innerText()).toBe(FLAGS[3]!.quote);

    await stepper.getByRole('button', { name: 'Previous flag' }).click();
    await expect.poll(() => thread.locator('.flag-quote').innerText()).toBe(FLAGS[1]!.quote);

    // Back at the list, it is still filtered to legal risks.
    await page.getByRole('button', { name: 'All flags' }).click();
    await expect.poll(() => cards.count()).toBe(2);
    expect(await page.locator('.flag-filters').getByLabel('Kind').inputValue()).toBe('legal-risk');

    // The header's count of a kind lists those flags, from a thread too; pressed again, every open flag.
    await cards.first().click();
    const claimCount = page.getByRole('list', { name: 'Open flags by kind' }).getByRole('button', { name: /^Claim: 2 open/ });
    await claimCount.click();
    await expect.poll(() => cards.allInnerTexts()).toHaveLength(2);
    expect((await cards.allInnerTexts()).every((text) => text.includes('Claim'))).toBe(true);
    expect(await claimCount.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.flag-filters').getByLabel('Kind').inputValue()).toBe('claim');
    await claimCount.click();
    await expect.poll(() => cards.count()).toBe(4);
    expect(await claimCount.getAttribute('aria-pressed')).toBe('false');
  }, 90_000);
});
