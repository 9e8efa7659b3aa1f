import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type DemoUsername } from './testServer.ts';

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

/**
 * Selects the first occurrence of `text` in the copy, across the flag spans
 * that may split it, the way a person drags over it (a DOM selection that
 * ProseMirror picks up).
 */
export async function selectInCopy(page: Page, text: string): Promise<void> {
  // ProseMirror puts back its own (collapsed) selection when it redraws before it has read the new
  // one, as when a collaborator's flag arrives just then: select again until the selection holds.
  for (let attempt = 1; ; attempt++) {
    await selectOnce(page, text);
    if (await selectionHolds(page)) return;
    if (attempt === 5) throw new Error(`the selection of "${text}" does not hold in the copy`);
  }
}

/** Whether the selection is still there a few frames later, once the editor has read it (selectionchange comes after). */
const selectionHolds = (page: Page): Promise<boolean> =>
  page.evaluate(async () => {
    // A frame, or a tenth of a second where frames do not come (a page in the background).
    const frame = () =>
      new Promise((resolve) => {
        requestAnimationFrame(resolve);
        setTimeout(resolve, 100);
      });
    await frame();
    await frame();
    if (getSelection()?.isCollapsed !== false) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return getSelection()?.isCollapsed === false;
  });

async function selectOnce(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector<HTMLElement>('[aria-label="Draft copy"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node as Text, all.length]);
      all += (node as Text).data;
    }
    const at = all.indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" is not in the copy`);
    const locate = (offset: number): [Text, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i]![1] <= offset) return [nodes[i]![0], offset - nodes[i]![1]];
      throw new Error('offset out of range');
    };
    root.focus();
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + needle.length));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

/** Selects `text` in the copy and flags it as a claim with the keyboard shortcut and a first comment; waits for the dialog to close. */
export async function flagAsClaim(page: Page, text: string, comment: string): Promise<void> {
  await selectInCopy(page, text);
  await page.keyboard.press('Control+Shift+1');
  const dialog = page.getByRole('dialog', { name: 'Flag as claim' });
  await dialog.getByLabel('First comment').fill(comment);
  await dialog.getByRole('button', { name: 'Flag as claim' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens `url` in `page`, signs in as `username` on the sign-in page it lands on, and waits to be back at `url`. */
export async function openSignedIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(url);
}

/** Signs in as a demo account on the draft at `url` and waits until its copy is on screen, connected. */
export async function openDraftAs(page: Page, url: string, username: DemoUsername): Promise<void> {
  await openSignedIn(page, url, username, DEMO_PASSWORD);
  await waitConnected(page);
  await page.locator('.copy h1').waitFor({ timeout: 15_000 });
}

/** What the page saw in the first frame whose copy had text, before that frame was painted. */
export interface CopyFrame {
  /** When, on the page's clock. */
  at: number;
  /** How many flag spans the copy had then. */
  flagSpans: number;
}

/** In the page: notes the frame in which the copy's headline first has text, that is, the copy is being painted. */
function noteCopyFrame(): void {
  const check = () => {
    if (document.querySelector('[aria-label="Draft copy"] h1')?.textContent) {
      const frame: CopyFrame = { at: performance.now(), flagSpans: document.querySelectorAll('.copy .flag').length };
      (window as unknown as { copyFrame: CopyFrame }).copyFrame = frame;
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

/** Before the page opens a draft: have it note the first frame that shows the copy (see firstCopyFrame). */
export const watchCopyFrame = (page: Page) => page.addInitScript(noteCopyFrame);

/** The first frame that showed the copy, once there has been one (`watchCopyFrame` must come first). */
export async function firstCopyFrame(page: Page): Promise<CopyFrame> {
  const frame = await page.waitForFunction(() => (window as unknown as { copyFrame?: CopyFrame }).copyFrame ?? false);
  return (await frame.jsonValue()) as CopyFrame;
}

/**
 * Waits until the page has requested an asset matching `asset`, then gives
 * when, and when the copy was first painted (undefined when it was not, or
 * `watchCopyFrame` was not called), both on the page's clock.
 */
export async function assetTiming(page: Page, asset: RegExp): Promise<{ fetchedAt: number; copyFrameAt: number | undefined }> {
  const fetchedAt = await page.waitForFunction((pattern) => {
    const entry = performance.getEntriesByType('resource').find((e) => new RegExp(pattern).test(e.name));
    return entry ? entry.startTime : false;
  }, asset.source);
  const copyFrameAt = await page.evaluate(() => (window as unknown as { copyFrame?: CopyFrame }).copyFrame?.at);
  return { fetchedAt: (await fetchedAt.jsonValue()) as number, copyFrameAt };
}
