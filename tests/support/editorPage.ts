import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** `npm test` builds the client first; a lone run of a browser test file builds it here. */
export function ensureClientBuilt(): void {
  if (!existsSync(path.resolve('dist/client/index.html'))) {
    execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], { stdio: 'ignore' });
  }
}

/** The copy as a reader sees it, without the remote carets' name labels. */
export const readCopy = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const copy = document.querySelector('[aria-label="Draft copy"]')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText;
  });

/** Waits until the copy, read as above, contains `text`. */
export const waitForCopy = (page: Page, text: string) =>
  page.waitForFunction(
    (expected) => {
      const copy = document.querySelector('[aria-label="Draft copy"]')?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy?.innerText.includes(expected) ?? false;
    },
    text,
    { timeout: 15_000 },
  );

/** Waits for the connection pill to say Connected. */
export const waitConnected = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
