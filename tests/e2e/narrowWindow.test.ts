import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { flagAsClaim, openSignedIn, waitConnected } from '../support/editorPage.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** Where an element is drawn, or null when it is not. */
const boxOf = (page: Page, selector: string) => page.locator(selector).first().boundingBox();

/**
 * A draft open in a window narrower than a laptop's screen: half a wide
 * monitor, a small laptop, a tablet. Nothing a person needs may be pushed out
 * of the window, and the flags stay beside the copy until the window is
 * phone-sized (below a long draft they would be out of reach).
 */
describe.skipIf(unavailable !== undefined)('a draft in a narrow window, in Chromium', () => {
  const suite = useBrowserSuite();
  /** The sample draft, opened as `username` in a window of `width` × `height`. */
  async function openSampleIn(username: 'editor' | 'chief', width: number, height: number): Promise<Page> {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, username);
    await page.setViewportSize({ width, height });
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, username, DEMO_PASSWORD);
    await waitConnected(page);
    return page;
  }

  it('keeps the inbox and the account menu in view, and the flags beside the copy down to a phone-sized window', async () => {
    const page = await openSampleIn('editor', 1024, 768);

    for (const width of [1024, 800]) {
      await page.setViewportSize({ width, height: 768 });
      for (const control of ['.inbox__button', '.account-menu__button']) {
        await expect.poll(async () => {
          const box = await boxOf(page, control);
          return box !== null && box.x >= 0 && box.x + box.width <= width;
        }, { message: `${control} within ${width} px` }).toBe(true);
      }
      // The page itself does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Beside the copy: the panel starts where the copy ends, at the top of the page.
      const copy = (await boxOf(page, '.draft-editor'))!;
      const panel = (await boxOf(page, '.annotations'))!;
      expect(panel.x).toBeGreaterThanOrEqual(copy.x + copy.width - 1);
      expect(panel.y).toBeLessThan(copy.y + 200);
    }

    // Phone-sized: the panel goes below the copy.
    await page.setViewportSize({ width: 600, height: 900 });
    await expect.poll(async () => {
      const copy = (await boxOf(page, '.draft-editor'))!;
      const panel = (await boxOf(page, '.annotations'))!;
      return panel.y >= copy.y + copy.height - 1;
    }).toBe(true);
  }, 60_000);

  it('fits the drafts list into a phone-sized window, its Show and Find wrapped onto two lines', async () => {
    const page = await newProfilePage(suite.profiles, 'editor');
    await page.setViewportSize({ width: 360, height: 760 });
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    const find = page.getByLabel('Find');
    await find.waitFor();
    // Before, the Find field ran 108 px past the window's edge and the page scrolled sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const show = (await page.getByLabel('Show').boundingBox())!;
    const field = (await find.boundingBox())!;
    expect(field.x + field.width).toBeLessThanOrEqual(360);
    expect(field.y).toBeGreaterThan(show.y + show.height - 1);
    // Each label stays on the line of its control.
    const label = (await page.getByText('Find', { exact: true }).boundingBox())!;
    expect(Math.abs(label.y + label.height / 2 - (field.y + field.height / 2))).toBeLessThan(4);
  }, 60_000);

  it('on a phone, brings the thread of a new flag, and of a flag tapped in the copy, into view below it, and "Show in copy" goes back', async () => {
    const draftId = await importSampleDraft(suite.server);
    const page = await newProfilePage(suite.profiles, 'editor', { isPhone: true });
    await openSignedIn(page, `${suite.server.url}/docs/${draftId}`, 'editor', DEMO_PASSWORD);
    await waitConnected(page);
    const thread = page.getByRole('article', { name: 'Flag: within 24 hours' });
    // The thread is far below the copy; before, it opened there unseen.
    const isThreadInView = async () => {
      const box = await thread.boundingBox();
      return box !== null && box.y >= 0 && box.y < 800;
    };
    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await flagAsClaim(page, 'within 24 hours', 'Check the pledge.');
    // The new flag's thread, with its first comment, is what the flagger sees next.
    await expect.poll(isThreadInView).toBe(true);
    await expect.poll(focusedLabel).toBe('Flag: within 24 hours');
    await page.getByRole('button', { name: 'All flags' }).click();
    await thread.waitFor({ state: 'hidden' });

    // The new flag's words are still selected: the click opens it all the same.
    const span = page.locator('.copy .flag--claim', { hasText: 'within 24 hours' });
    await span.scrollIntoViewIfNeeded();
    await span.tap();
    await expect.poll(isThreadInView).toBe(true);
    // And it stays there: nothing scrolls the copy back to the flag once a smooth scroll would have settled.
    await page.waitForTimeout(1600);
    expect(await isThreadInView()).toBe(true);
    await expect.poll(focusedLabel).toBe('Flag: within 24 hours');

    await thread.getByRole('button', { name: 'Show in copy' }).tap();
    await expect.poll(async () => {
      const box = await span.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 800;
    }).toBe(true);
  }, 60_000);

  it('shows a chief on a laptop screen the whole save status, with the people in the draft as initials', async () => {
    const page = await openSampleIn('chief', 1366, 768);

    // The chief's top bar carries the most controls (desk state, move, sign off); the save status still reads in full.
    const words = page.locator('.topbar__status .save-status > span');
    await expect.poll(() => words.textContent()).toMatch(/saved/i);
    expect(await words.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The chief's own name is not spelled out beside the account menu's, but a screen reader still hears it.
    const presence = page.getByRole('list', { name: 'People in this draft' });
    await expect.poll(() => presence.textContent()).toContain('Chris Chief');
    const name = presence.getByText('Chris Chief', { exact: false }).first();
    expect(await name.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  }, 60_000);
});
