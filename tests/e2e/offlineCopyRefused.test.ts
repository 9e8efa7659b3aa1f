import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { bodyString } from '../support/collabClient.ts';
import { openDraftAs, openSignedIn, waitConnected, waitForCopy } from '../support/editorPage.ts';
import { loadStoredDoc } from '../support/storedDraft.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

/** Set to a folder to keep screenshots of the warnings (`SCREENSHOT_DIR=/tmp npx vitest run …`). */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

interface StorageSwitch {
  isFull: boolean;
}

/**
 * Page init script: while `window.storageSwitch.isFull`, every IndexedDB
 * write aborts its transaction, as the browser does when the disk or the
 * origin's quota is full.
 */
function installStorageSwitch(): void {
  const control: StorageSwitch = { isFull: false };
  (window as unknown as { storageSwitch: StorageSwitch }).storageSwitch = control;
  const prototype = IDBObjectStore.prototype as unknown as Record<'add' | 'put', (...args: unknown[]) => IDBRequest>;
  for (const method of ['add', 'put'] as const) {
    const write = prototype[method];
    prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = write.apply(this, args);
      if (control.isFull) this.transaction.abort();
      return request;
    };
  }
}

/** Page init script: the browser refuses to open any IndexedDB database, as some private modes and policies do. */
function refuseIndexedDb(): void {
  IDBFactory.prototype.open = function () {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
}

const setStorageFull = (page: Page, isFull: boolean) =>
  page.evaluate((isFull) => {
    (window as unknown as { storageSwitch: StorageSwitch }).storageSwitch.isFull = isFull;
  }, isFull);

/** The draft's copy as this browser's offline cache holds it (every stored update, applied to a fresh document). */
async function offlineCopyText(page: Page, draftId: string): Promise<string> {
  const updates = await page.evaluate(async (draftId) => {
    const databases = await indexedDB.databases();
    const name = databases.find((database) => database.name?.endsWith(`:${draftId}`))?.name;
    if (!name) throw new Error(`no offline copy of ${draftId}`);
    return new Promise<number[][]>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const db = opening.result;
        const reading = db.transaction(['updates'], 'readonly').objectStore('updates').getAll();
        reading.onerror = () => reject(reading.error);
        reading.onsuccess = () => {
          db.close();
          resolve((reading.result as Uint8Array[]).map((update) => Array.from(update)));
        };
      };
    });
  }, draftId);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  const text = bodyString(doc);
  doc.destroy();
  return text;
}

/**
 * Each open draft keeps a copy in the browser's IndexedDB, so that someone
 * working offline can close the tab and lose nothing. When the browser
 * refuses that copy (storage full, or IndexedDB blocked), the editor says
 * so instead of claiming the changes are kept on this device: offline, the
 * changes are only in the tab, so the page asks before it is closed or left,
 * and the whole copy is written again as soon as the browser takes it.
 */
describe.skipIf(unavailable !== undefined)('when the browser refuses the offline copy, in Chromium', () => {
  const suite = useBrowserSuite();
  const freshPage = async (initScript: () => void): Promise<Page> => {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    await page.addInitScript(initScript);
    return page;
  };
  const typeAtEnd = async (page: Page, text: string) => {
    await page.getByRole('textbox', { name: 'Draft copy' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  };

  it('warns once the disk is full, holds the tab while changes exist only in it, and writes the whole copy when space is back', async () => {
    const draftId = await suite.server.createDraftAs('editor', 'Harbour wall');
    const url = `${suite.server.url}/docs/${draftId}`;
    const page = await freshPage(installStorageSwitch);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // From the drafts list, so that Back is a move within the app.
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Harbour wall' }).click();
    await page.waitForURL(url);
    await waitConnected(page);
    const status = page.locator('.save-status');
    await page.locator('.save-status[data-offline-copy="kept"]').waitFor();

    await typeAtEnd(page, 'The wall held.');
    await page.locator('.save-status[data-state="saved"]').waitFor();
    await waitFor(async () => (await offlineCopyText(page, draftId)).includes('The wall held.'), 'the first words in the offline copy');

    // The disk fills up: online, the server still stores every change, and nothing more is said than the state.
    await setStorageFull(page, true);
    await typeAtEnd(page, ' Storage full.');
    await page.locator('.save-status[data-offline-copy="failed"][data-state="saved"]').waitFor();
    await expect(page.locator('.connection-note').count()).resolves.toBe(0);

    // Offline, the changes are only in this tab, and the page says so, in words.
    await page.context().setOffline(true);
    await typeAtEnd(page, ' Typed offline.');
    await waitFor(async () => (await status.textContent()) === 'Only in this tab · not sent yet', 'the status to say "only in this tab"');
    await expect(status.getAttribute('title')).resolves.toContain('can’t keep a copy of the draft on this device');
    const warning = page.getByRole('alert').filter({ hasText: 'Keep this tab open.' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('your changes are only in this tab');
    if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/offline-copy-refused.png` });
    await expect(offlineCopyText(page, draftId)).resolves.not.toContain('Typed offline.');

    // Closing the tab, or leaving it for the drafts list, asks first; dismissing keeps everything.
    await page.close({ runBeforeUnload: true });
    await waitFor(async () => dialogs.some((said) => said.startsWith('beforeunload')), 'the browser to ask before closing');
    expect(page.isClosed()).toBe(false);
    await page.getByRole('link', { name: 'Drafts', exact: true }).first().click();
    await waitFor(async () => dialogs.some((said) => said.startsWith('confirm') && said.includes('Leave this page')), 'the app to ask before leaving');
    expect(new URL(page.url()).pathname).toBe(`/docs/${draftId}`);
    // So do the browser's Back and signing out.
    const askedSoFar = dialogs.length;
    await page.evaluate(() => history.back());
    await waitFor(async () => dialogs.length > askedSoFar, 'the app to ask before going back');
    expect(dialogs.at(-1)).toContain('Leave this page');
    await waitFor(async () => new URL(page.url()).pathname === `/docs/${draftId}`, 'the address to stay the draft’s');
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitFor(async () => dialogs.length > askedSoFar + 1, 'the app to ask before signing out');
    expect(dialogs.at(-1)).toContain('Leave this page');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Draft copy' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/docs/${draftId}`);
    await waitForCopy(page, 'Typed offline.');

    // Space again: the next change writes the whole copy, with what the failed writes missed.
    await setStorageFull(page, false);
    await typeAtEnd(page, ' Space again.');
    await page.locator('.save-status[data-offline-copy="kept"]').waitFor();
    await waitFor(async () => (await status.textContent()) === 'On this device · not sent yet', 'the status to say "on this device"');
    await page.locator('.connection-note[role="status"]').waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'Keep this tab open.' }).count()).resolves.toBe(0);
    await waitFor(async () => {
      const kept = await offlineCopyText(page, draftId);
      return ['Storage full.', 'Typed offline.', 'Space again.'].every((words) => kept.includes(words));
    }, 'the whole copy back in the offline cache');

    // Nothing was lost on the way: back online, the server has every word.
    await page.context().setOffline(false);
    await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
    const stored = bodyString(await loadStoredDoc(suite.server.store, draftId));
    expect(stored).toContain('The wall held. Storage full. Typed offline. Space again.');
  });

  it('opens and saves a draft when IndexedDB is refused outright, and says offline changes are only in the tab', async () => {
    const draftId = await suite.server.createDraftAs('editor', 'Lock gates');
    const url = `${suite.server.url}/docs/${draftId}`;
    const page = await freshPage(refuseIndexedDb);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openDraftAs(page, url, 'editor');
    await page.locator('.save-status[data-offline-copy="failed"]').waitFor();

    await typeAtEnd(page, 'Gates open at dawn.');
    await page.locator('.save-status[data-state="saved"]').waitFor();

    await page.context().setOffline(true);
    await typeAtEnd(page, ' Closed at dusk.');
    await waitFor(async () => (await page.locator('.save-status').textContent()) === 'Only in this tab · not sent yet', 'the status to say "only in this tab"');
    await page.getByRole('alert').filter({ hasText: 'Keep this tab open.' }).waitFor();

    await page.context().setOffline(false);
    await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
    expect(bodyString(await loadStoredDoc(suite.server.store, draftId))).toContain('Gates open at dawn. Closed at dusk.');
    // The refusal is the warning above, not an error left unhandled by the library's own promise chains.
    expect(pageErrors).toEqual([]);
  });
});
