import type { Locator, Page } from 'playwright-core';

/** The flag list's items in the page, whatever their number. */
export const FLAG_ITEMS = '.flag-list__items > li';

/**
 * The card at `position` (1-based, the list's order) of a long flag list,
 * which draws only the cards near the panel's view: scrolls the panel
 * towards it until it is drawn, then brings it into view.
 */
export async function revealFlagCard(page: Page, position: number): Promise<Locator> {
  const item = page.locator(`${FLAG_ITEMS}[aria-posinset="${position}"]`);
  for (let step = 0; step < 40 && (await item.count()) === 0; step++) {
    await page.evaluate(
      ({ at, selector }) => {
        const drawn = Array.from(document.querySelectorAll(selector), (li) => Number(li.getAttribute('aria-posinset')));
        const middle = drawn.sort((a, b) => a - b)[Math.floor(drawn.length / 2)] ?? 1;
        const size = Number(document.querySelector(selector)?.getAttribute('aria-setsize') ?? 1);
        const panel = document.querySelector('.annotations__body')!;
        panel.scrollTop += ((at - middle) * panel.scrollHeight) / size;
      },
      { at: position, selector: FLAG_ITEMS },
    );
    await page.waitForTimeout(50);
  }
  await item.scrollIntoViewIfNeeded();
  return item.locator('.flag-card');
}

/** The list position (aria-posinset) of the focused flag card, or null when focus is elsewhere. */
export const focusedCardPosition = (page: Page): Promise<number | null> =>
  page.evaluate(() => {
    const item = document.activeElement?.closest('li[aria-posinset]');
    return item && document.activeElement?.matches('.flag-card') ? Number(item.getAttribute('aria-posinset')) : null;
  });

/** Whether `locator`'s element lies wholly within the flag panel's scrolled view. */
export const isInPanelView = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const view = element.closest('.annotations__body')!.getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  });
