import { describe, expect, it } from 'vitest';
import { jsonInit } from '../support/apiHelpers.ts';
import { connectClient } from '../support/collabClient.ts';
import { anchorsAround } from '../support/flagFixtures.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openSignedIn } from '../support/editorPage.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const TITLES = [
  'Council passes leaner budget after late-night vote',
  'Café owners fight rent rise on the high street',
  'Budget airline cancels winter flights',
];

/** The drafts list: a desk finds a story by a few words of its headline. */
describe.skipIf(unavailable !== undefined)('the drafts list, in Chromium', () => {
  const suite = useBrowserSuite();

  it('finds drafts by the starts of words of their titles, says how many match, says so when none does, and keeps the view in the address', async () => {
    const headers = await suite.server.authHeaders('editor');
    for (const title of TITLES) {
      const res = await fetch(`${suite.server.url}/api/docs`, jsonInit('POST', { title }, headers));
      expect(res.status).toBe(201);
    }
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    const titles = page.locator('.drafts-table tbody th');
    await expect.poll(() => titles.count()).toBeGreaterThanOrEqual(TITLES.length);
    const all = await titles.count();

    const find = page.getByLabel('Find');
    await find.fill('budg');
    await expect.poll(() => titles.allInnerTexts()).toEqual([TITLES[2], TITLES[0]]);
    await expect(page.getByRole('status').filter({ hasText: 'of' }).innerText()).resolves.toBe(`2 of ${all} drafts`);

    await find.fill('cafe RENT');
    await expect.poll(() => titles.allInnerTexts()).toEqual([TITLES[1]]);

    await find.fill('election');
    await expect.poll(() => titles.count()).toBe(0);
    await expect(page.getByRole('status').filter({ hasText: 'No draft' }).innerText()).resolves.toBe('No draft title has the words “election”.');

    await find.fill('');
    await expect.poll(() => titles.count()).toBe(all);

    // The view is in the address: Back from a draft comes back to the same list.
    await page.getByLabel('Show').selectOption('draft');
    await find.fill('budg');
    await expect.poll(() => titles.allInnerTexts()).toEqual([TITLES[2], TITLES[0]]);
    expect(new URL(page.url()).search).toBe('?state=draft&q=budg');
    await page.getByRole('link', { name: TITLES[0] }).click();
    await page.locator('.copy h1').waitFor();
    await page.goBack();
    await expect.poll(() => titles.allInnerTexts()).toEqual([TITLES[2], TITLES[0]]);
    expect(await find.inputValue()).toBe('budg');
    expect(await page.getByLabel('Show').inputValue()).toBe('draft');
  }, 60_000);

  it('leaves spiked drafts out of the whole list, says how many, shows them on asking, and lists one again once it is moved back', async () => {
    const headers = await suite.server.authHeaders('editor');
    const create = async (title: string) => {
      const res = await fetch(`${suite.server.url}/api/docs`, jsonInit('POST', { title }, headers));
      expect(res.status).toBe(201);
      return ((await res.json()) as { draft: { id: string } }).draft.id;
    };
    await create('Mayor resigns over expenses');
    const killed = await create('Ferry strike called off');
    const spike = await fetch(`${suite.server.url}/api/docs/${killed}/desk`, jsonInit('POST', { state: 'spiked' }, headers));
    expect(spike.status).toBe(200);

    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    const titles = page.locator('.drafts-table tbody th');
    await expect.poll(() => titles.allInnerTexts()).toContain('Mayor resigns over expenses');
    expect(await titles.allInnerTexts()).not.toContain('Ferry strike called off');
    const note = page.locator('.drafts-page__spiked');
    await expect(note.innerText()).resolves.toBe('1 spiked draft is not listed. Show spiked drafts');

    await note.getByRole('button', { name: 'Show spiked drafts' }).click();
    await expect.poll(() => titles.allInnerTexts()).toEqual(['Ferry strike called off']);
    expect(await page.getByLabel('Show').inputValue()).toBe('spiked');
    expect(new URL(page.url()).search).toBe('?state=spiked');
    await expect(page.locator('.drafts-table tbody .desk-badge').innerText()).resolves.toBe('Spiked');

    // Brought back from its page: it is a draft again, in the whole list.
    await page.getByRole('link', { name: 'Ferry strike called off' }).click();
    await page.locator('.topbar .desk-badge', { hasText: 'Spiked' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'This draft is spiked' });
    await notice.waitFor();
    await page.getByLabel('Move the draft to').selectOption('draft');
    await page.locator('.topbar .desk-badge', { hasText: 'Draft' }).waitFor();
    await notice.waitFor({ state: 'hidden' });
    await page.goBack();
    await page.getByLabel('Show').selectOption('');
    await expect.poll(() => titles.allInnerTexts()).toContain('Ferry strike called off');
    expect(await note.count()).toBe(0);
  }, 60_000);

  it('says in the inbox that a mention is on a spiked draft', async () => {
    const draftId = await importSampleDraft(suite.server);
    const reader = connectClient(suite.server.collabUrl, draftId, { token: await suite.server.tokenFor('legal') });
    try {
      await reader.waitSynced();
      const flag = { kind: 'claim', ...anchorsAround(reader.doc, 'what makes him so sure'), comment: '@editor is this sourced?' };
      expect((await fetch(`${suite.server.url}/api/docs/${draftId}/annotations`, jsonInit('POST', flag, await suite.server.authHeaders('legal')))).status).toBe(201);
    } finally {
      reader.destroy();
    }
    const page = await newProfilePage(suite.profiles, 'editor');
    await openSignedIn(page, `${suite.server.url}/`, 'editor', DEMO_PASSWORD);
    const item = page.locator('.inbox__item', { hasText: 'is this sourced?' });
    await page.locator('.inbox__button').click();
    await item.waitFor();
    expect(await item.innerText()).not.toContain('Spiked');

    const spike = await fetch(`${suite.server.url}/api/docs/${draftId}/desk`, jsonInit('POST', { state: 'spiked' }, await suite.server.authHeaders('editor')));
    expect(spike.status).toBe(200);
    await page.reload();
    await page.locator('.inbox__button').click();
    await expect.poll(() => item.innerText()).toContain('Spiked: it will not run');
  }, 60_000);
});
