import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftAnswerSchema } from '../../../shared/api/drafts.ts';
import { browserUnavailableReason, launchProfile, type BrowserProfile } from '../../support/browser.ts';
import { bodyOf, bodyString, connectClient } from '../../support/collabClient.ts';
import { ensureClientBuilt, waitConnected, waitForCopy } from '../../support/editorPage.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

/**
 * In Chromium, hostile content runs nothing: imported HTML with an
 * `<img onerror>` and a `<script>`, a `javascript:` link target written
 * straight into the Y.XmlFragment by a crafted update (skipping the editor's
 * parse rules), HTML pasted into the editor, and a draft title that is
 * markup. The page listens for any dialog and for a `window.__pwned` side
 * effect. Comment text is proven the same way in tests/e2e/annotations.test.ts.
 */
const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const PWN = (tag: string) => `window.__pwned=(window.__pwned||[]).concat('${tag}');alert('${tag}')`;
const HOSTILE_HTML =
  `<h1>Hostile import</h1><p>Safe lede. <img src=x onerror="${PWN('import-img')}">` +
  `<script>${PWN('import-script')}</script>` +
  `<a href="javascript:${PWN('import-link')}">imported link</a> ` +
  `<a href="  JaVa\tScRiPt:${PWN('import-link-obfuscated')}">obfuscated link</a></p>` +
  `<p onclick="${PWN('import-onclick')}">A paragraph with a handler.</p>`;
const HOSTILE_TITLE = `<img src=x onerror="${PWN('title')}">Title`;

describe.skipIf(unavailable !== undefined)('hostile content in Chromium runs nothing', () => {
  let server: TestServer;
  let profile: BrowserProfile;
  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer();
  });
  afterAll(async () => {
    await profile?.close();
    await server?.dispose();
  });

  async function signedInPage(dialogs: string[]): Promise<Page> {
    profile = await launchProfile();
    const page = await profile.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Username').fill('editor');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    return page;
  }

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned ?? []);

  it('imported HTML, a crafted javascript: link in the Yjs body, pasted HTML and a markup title stay inert', async () => {
    const headers = { 'content-type': 'application/json', ...(await server.authHeaders('editor')) };
    const imported = await fetch(`${server.url}/api/docs/import`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ content: HOSTILE_HTML, format: 'html', title: HOSTILE_TITLE }),
    });
    expect(imported.status).toBe(201);
    const { draft } = draftAnswerSchema.parse(await imported.json());

    // A hostile client writes a link mark with a javascript: href straight into the body.
    const hostile = connectClient(server.collabUrl, draft.id, { token: await server.tokenFor('editor') });
    await hostile.waitSynced();
    hostile.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      bodyOf(hostile.doc).push([paragraph]);
      text.insert(0, 'crafted link', { link: { href: `javascript:${PWN('yjs-link')}`, target: '_self' } });
      text.insert(text.length, ' and ');
      text.insert(text.length, 'crafted data link', { link: { href: `data:text/html,<script>${PWN('yjs-data')}</script>` } });
    });
    await waitFor(() => bodyString(hostile.doc).includes('crafted data link'), 'the crafted update');

    const dialogs: string[] = [];
    const page = await signedInPage(dialogs);
    // The drafts list renders the title.
    await page.getByText('Title', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/docs/${draft.id}`);
    await waitConnected(page);
    await waitForCopy(page, 'crafted data link');
    await waitForCopy(page, 'Safe lede.');

    const copy = page.locator('[aria-label="Draft copy"]');
    const dangerous = await page.evaluate(() => {
      const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!.replace(/\s/g, '').toLowerCase());
      return {
        liveLinks: hrefs.filter((href) => href.startsWith('javascript:') || href.startsWith('data:') || href.startsWith('vbscript:')),
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        craftedAnchors: [...document.querySelectorAll('[aria-label="Draft copy"] a')]
          .filter((a) => a.textContent?.startsWith('crafted'))
          .map((a) => `${a.textContent}: ${JSON.stringify(a.getAttribute('href'))}`),
        scriptsInCopy: document.querySelectorAll('[aria-label="Draft copy"] script, [aria-label="Draft copy"] img[src="x"]').length,
      };
    });
    expect(dangerous.liveLinks).toEqual([]);
    expect(dangerous.handlers).toEqual([]);
    expect(dangerous.scriptsInCopy).toBe(0);
    console.log(`[hardening] crafted links render as: ${dangerous.craftedAnchors.join('; ') || 'plain text'}`);

    // Clicking the crafted links (also with Ctrl, which editors often bind to "open link") runs nothing.
    for (const label of ['crafted link', 'crafted data link', 'imported link']) {
      const target = copy.getByText(label, { exact: true }).first();
      if ((await target.count()) === 0) continue;
      await target.click();
      await target.click({ modifiers: ['Control'] });
    }

    // HTML pasted into the editor is parsed by the schema, not executed.
    await copy.click();
    await page.keyboard.press('Control+End');
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'pasted');
      const target = document.querySelector('[aria-label="Draft copy"]')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `<p>Pasted para <img src=x onerror="${PWN('paste-img')}"><a href="javascript:${PWN('paste-link')}">pasted link</a></p><script>${PWN('paste-script')}</script>`);
    await waitForCopy(page, 'Pasted para');
    const pastedLinks = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label="Draft copy"] a[href]')].map((a) => a.getAttribute('href')!).filter((h) => /^\s*javascript:/i.test(h)),
    );
    expect(pastedLinks).toEqual([]);

    // The title, shown in the header and the tab, is text.
    const titles = await page.evaluate(() => ({ document: document.title, imgs: document.querySelectorAll('img[src="x"]').length }));
    expect(titles.imgs).toBe(0);

    // Give any deferred handler (an image error, a timer) its chance before the verdict.
    await page.waitForTimeout(300);
    expect(await pwned(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    console.log(
      `[hardening] hostile content: import (img onerror, script, javascript: and obfuscated links, onclick), ` +
        `crafted Yjs javascript:/data: links, pasted HTML, markup title: 0 scripts ran, 0 dialogs, 0 live javascript: links`,
    );
    hostile.destroy();
  }, 60_000);
});
