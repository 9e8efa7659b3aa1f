import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The focused element as `tag: accessible-ish name` (its aria-label, else its
 * text), or `nothing (the page body)`: a string, so a failed expectation shows
 * where focus went instead.
 */
export const focusedElement = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing (the page body)';
    return `${active.tagName.toLowerCase()}: ${active.getAttribute('aria-label') ?? active.textContent ?? ''}`;
  });

/** Whether the element `locator` finds has the focus. */
export const hasFocus = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element === document.activeElement);

/**
 * For a confirmation that has just opened: checks that focus starts on Cancel
 * (the safe choice), then presses Escape and waits for the dialog to close.
 */
export async function escapeConfirmation(page: Page, dialog: Locator): Promise<void> {
  await expect.poll(() => focusedElement(page)).toBe('button: Cancel');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}
