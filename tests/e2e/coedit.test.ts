import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import { readCopy, waitForCopy } from '../support/editorPage.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import { DEMO_PASSWORD, type DemoUsername } from '../support/testServer.ts';

const SAMPLE_PATH = new URL('../../../shared/samples/talks-draft.md', import.meta.url);
const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('in Chromium', () => {
  const suite = useBrowserSuite();

  /** A fresh profile opens `url`, signs in as `username` on the way and comes back to `url`. */
  async function openAs(username: DemoUsername, url: string): Promise<Page> {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`));
    await page.goto(url);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(url);
    return page;
  }

  it('two people co-edit one draft: each sees the other’s text, caret and name', async () => {
    const created = await fetch(`${suite.server.url}/api/docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await suite.server.authHeaders('editor')) },
      body: JSON.stringify({ title: 'Harbour bridge' }),
    });
    const { draft } = draftAnswerSchema.parse(await created.json());
    const url = `${suite.server.url}/docs/${draft.id}`;

    const ada = await openAs('editor', url);
    const grace = await openAs('chief', url);
    for (const page of [ada, grace]) {
      await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    }

    const adaCopy = ada.getByRole('textbox', { name: 'Draft copy' });
    await adaCopy.click();
    await ada.keyboard.press('Control+Home');
    await ada.keyboard.type('Harbour bridge to close for six weeks');
    await ada.keyboard.press('Enter');
    await ada.keyboard.type('Commuters face long detours.');
    await ada.keyboard.press('Enter');
    await ada.keyboard.type('The city will close the bridge from Monday.');
    await waitForCopy(grace, 'The city will close the bridge from Monday.');

    // Grace writes back; Ada sees it.
    await grace.getByText('Commuters face long detours.').click();
    await grace.keyboard.press('End');
    await grace.keyboard.type(' Buses will run every ten minutes.');
    await waitForCopy(ada, 'Buses will run every ten minutes.');
    expect(await readCopy(ada)).toBe(await readCopy(grace));

    // Each sees the other's caret, labelled with their account's display name, and both in the presence bar.
    await ada.locator('.collaboration-carets__label', { hasText: 'Chris Chief' }).waitFor({ timeout: 15_000 });
    await grace.locator('.collaboration-carets__label', { hasText: 'Eddie Editor' }).waitFor({ timeout: 15_000 });
    for (const page of [ada, grace]) {
      const presence = page.getByRole('list', { name: 'People in this draft' });
      await presence.getByText('Eddie Editor').waitFor();
      await presence.getByText('Chris Chief').waitFor();
    }
    // The headline is the document's first block, rendered as the page's h1.
    await expect(ada.locator('.copy h1').innerText()).resolves.toBe('Harbour bridge to close for six weeks');
  }, 60_000);

  it('imports the wire sample from the drafts list and renders its headline and paragraphs', async () => {
    const page = await openAs('editor', `${suite.server.url}/`);
    await page.getByRole('heading', { name: 'Drafts', exact: true }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(SAMPLE_PATH.pathname);
    await page.waitForURL(/\/docs\//, { timeout: 15_000 });
    const headline = page.locator('.copy h1');
    await headline.waitFor({ timeout: 15_000 });
    const markdown = readFileSync(SAMPLE_PATH, 'utf8');
    const sourceParagraphs = markdown.split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('#'));
    await page.waitForFunction(
      (count) => document.querySelectorAll('.copy > p:not([data-type="standfirst"])').length >= count,
      sourceParagraphs.length,
      { timeout: 15_000 },
    );
    expect(await headline.innerText()).toBe('Talks end without breakthrough as 24-hour peace pledge meets resistance');
    const paragraphs = await page.locator('.copy > p:not([data-type="standfirst"])').allInnerTexts();
    expect(paragraphs.filter((p) => p.trim())).toEqual(sourceParagraphs.map((p) => p.trim()));
  });
});
