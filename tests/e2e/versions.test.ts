import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { anchorsAround } from '../support/flagFixtures.ts';
import { jsonInit } from '../support/apiHelpers.ts';
import { openDraftAs, selectInCopy } from '../support/editorPage.ts';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { connectClient } from '../support/collabClient.ts';
import type { DemoUsername } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('versions, compare and sign-off in Chromium', () => {
  const suite = useBrowserSuite();

  /**
   * A fresh profile signed in as `username` on `url`, connected, with the copy loaded.
   * `prepare` runs on the page before it loads (to route its live-sync socket, say).
   */
  async function openAs(username: DemoUsername, url: string, errors: string[], prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    page.on('pageerror', (error) => errors.push(`[${username}] ${error.message}`));
    // Warnings too: a second editor on the page (the version viewer) must not disturb the first one's setup.
    page.on('console', (message) => {
      if (message.type() === 'warning') errors.push(`[${username}] console warning: ${message.text()}`);
    });
    await prepare?.(page);
    await openDraftAs(page, url, username);
    return page;
  }

  it('an editor saves a version, edits and sees the edit marked in a compare; the chief signs off over an open legal flag with a reason and locks; legal sees it live; exports answer', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const errors: string[] = [];

    // The editor saves a named version from the History tab.
    const editor = await openAs('editor', url, errors);
    await editor.getByRole('tab', { name: 'History' }).click();
    await editor.getByLabel('Version name').fill('before the edits');
    await editor.getByRole('button', { name: 'Save version' }).click();
    const saved = editor.locator('.history-item', { hasText: 'before the edits' });
    await saved.waitFor();
    await expect(saved.innerText()).resolves.toContain('Eddie Editor');

    // …edits the copy, and compares the version with the live draft: the new words are marked inserted.
    const added = 'Officials declined to comment further.';
    await editor.locator('.copy p:not(.standfirst)').last().click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(` ${added}`);
    await editor.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
    await saved.getByRole('button', { name: /Compare with live/ }).click();
    const viewer = editor.getByRole('dialog', { name: /Compare “before the edits” with the live draft/ });
    await viewer.locator('.compare-count').waitFor();
    await expect(viewer.locator('.compare-count').innerText()).resolves.toMatch(/^1 change\b/);
    const inserted = (await viewer.locator('.copy ins.diff--insert').allInnerTexts()).join('');
    expect(inserted).toContain(added);
    expect(await viewer.locator('.copy del.diff--delete').count()).toBe(0);
    await viewer.getByRole('button', { name: 'Close' }).click();
    await viewer.waitFor({ state: 'hidden' });

    // Legal flags a quote as a legal risk and leaves it open.
    const legal = await openAs('legal', url, errors);
    const quote = 'reckless and detached from reality';
    await selectInCopy(legal, quote);
    await legal.getByRole('toolbar', { name: 'Flags' }).getByRole('button', { name: 'Legal risk' }).click();
    const flagDialog = legal.getByRole('dialog', { name: 'Flag as legal risk' });
    await flagDialog.getByLabel('First comment').fill('Could be defamatory as phrased.');
    await flagDialog.getByRole('button', { name: 'Flag as legal risk' }).click();
    await flagDialog.waitFor({ state: 'hidden' });

    // The chief signs off: with the legal flag open, a reason is required; with it, the sign-off is recorded and the copy locked.
    const chief = await openAs('chief', url, errors);
    await chief.locator('.copy .flag--legal-risk', { hasText: quote }).waitFor({ timeout: 15_000 });
    await chief.getByRole('button', { name: 'Sign off', exact: true }).click();
    const signOff = chief.getByRole('dialog', { name: 'Sign off this draft' });
    await expect(signOff.locator('.signoff-form__flag-list').innerText()).resolves.toContain(quote);
    await signOff.getByLabel(/^Note/).fill('Good for the 6pm edition.');
    await signOff.getByRole('button', { name: 'Sign off with override' }).click();
    await signOff.getByText('Give the reason for signing off while legal-risk flags are open.').waitFor();
    await signOff.getByLabel(/^Override reason/).fill('Cleared by phone with the duty lawyer at 14:10.');
    await signOff.getByLabel(/^Lock the copy/).check();
    await signOff.getByRole('button', { name: 'Sign off with override' }).click();
    await signOff.waitFor({ state: 'hidden' });

    // Legal sees the sign-off appear live, override and all, and the copy locked.
    const banner = legal.getByRole('region', { name: 'Sign-off' });
    await banner.waitFor({ timeout: 15_000 });
    const record = await banner.innerText();
    expect(record).toContain('Signed off by Chris Chief');
    expect(record).toContain('Good for the 6pm edition.');
    expect(record).toContain('Override reason: Cleared by phone with the duty lawyer at 14:10.');
    await legal.locator('.desk-badge', { hasText: 'Signed off' }).waitFor();
    await legal.getByText('Locked by Chris Chief on sign-off').waitFor({ timeout: 15_000 });
    await expect(legal.getByRole('button', { name: 'Unlock' }).count()).resolves.toBe(0);

    // The editor's copy is read-only now, and the chief may unlock it.
    await editor.getByText('Locked by Chris Chief on sign-off').waitFor({ timeout: 15_000 });
    await expect(editor.getByLabel('Draft copy').getAttribute('aria-readonly')).resolves.toBe('true');
    await chief.getByRole('button', { name: 'Unlock' }).waitFor();

    // The signed hash matches the server's record; every export link answers.
    const signoffs = (await (await fetch(`${suite.server.url}/api/docs/${draftId}/signoffs`, { headers: await suite.server.authHeaders('legal') })).json()) as {
      signoffs: { hash: string; override: string | null }[];
    };
    expect(signoffs.signoffs[0]?.override).toBe('Cleared by phone with the duty lawyer at 14:10.');
    await editor.getByRole('tab', { name: 'History' }).click();
    const hrefs = await editor
      .locator('.history__live .export-links a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      const answer = await fetch(href, { headers: await suite.server.authHeaders('editor') });
      expect(answer.status, href).toBe(200);
    }
    expect(errors).toEqual([]);
  }, 150_000);

  it('the chief is refused over an open legal flag (the dialog lists it), legal resolves it, the chief signs off; the editor sees it live, an edit flips it to changed since sign-off, and compare shows the edit', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const errors: string[] = [];
    const editor = await openAs('editor', url, errors);
    // The chief's page reaches the server through a socket the test can hold: while held, the server's
    // live updates wait (as on a slow line), so the page has not drawn a flag the server already knows.
    const liveSync = { isHeld: false, held: [] as (string | Buffer)[], release: () => {} };
    const chief = await openAs('chief', url, errors, (page) =>
      page.routeWebSocket(/\/collab\//, (socket) => {
        const toServer = socket.connectToServer();
        toServer.onMessage((message) => (liveSync.isHeld ? liveSync.held.push(message) : socket.send(message)));
        liveSync.release = () => {
          liveSync.isHeld = false;
          for (const message of liveSync.held.splice(0)) socket.send(message);
        };
      }),
    );

    // Legal flags a sentence as a legal risk (over REST, anchored from a client's copy of the draft); the chief's page has not seen it yet.
    const quote = 'what makes him so sure';
    const reader = connectClient(suite.server.collabUrl, draftId, { token: await suite.server.tokenFor('legal') });
    let flagId: string;
    try {
      await reader.waitSynced();
      liveSync.isHeld = true;
      const created = await fetch(`${suite.server.url}/api/docs/${draftId}/annotations`, {
        ...jsonInit('POST', { kind: 'legal-risk', ...anchorsAround(reader.doc, quote), comment: 'Unsupported claim about a named person.' }, await suite.server.authHeaders('legal')),
      });
      expect(created.status).toBe(201);
      flagId = ((await created.json()) as { flag: { id: string } }).flag.id;
    } finally {
      reader.destroy();
    }
    await editor.locator('.copy .flag--legal-risk', { hasText: quote }).waitFor({ timeout: 15_000 });

    // The chief tries to sign off; the server refuses with 409, and the dialog shows the refusal and the flag it lists.
    await chief.getByRole('button', { name: 'Sign off', exact: true }).click();
    const signOff = chief.getByRole('dialog', { name: 'Sign off this draft' });
    await signOff.getByText('No flags are open.').waitFor();
    await signOff.getByRole('button', { name: 'Sign off', exact: true }).click();
    const refusal = signOff.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('The sign-off was refused');
    const listed = await refusal.getByRole('list', { name: 'Open legal-risk flags named by the server' }).getByRole('listitem').allInnerTexts();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(quote);
    await signOff.getByRole('button', { name: 'Sign off with override' }).waitFor();
    liveSync.release();
    await chief.locator('.copy .flag--legal-risk', { hasText: quote }).waitFor({ timeout: 15_000 });
    await expect(signOff.locator('.signoff-form__flag-list').innerText()).resolves.toContain(quote);
    await signOff.getByRole('button', { name: 'Cancel' }).click();
    await signOff.waitFor({ state: 'hidden' });
    const signoffsSoFar = await fetch(`${suite.server.url}/api/docs/${draftId}/signoffs`, { headers: await suite.server.authHeaders('chief') });
    expect(((await signoffsSoFar.json()) as { signoffs: unknown[] }).signoffs).toEqual([]);

    // Legal resolves the flag; the chief's page sees it resolved.
    const resolved = await fetch(`${suite.server.url}/api/docs/${draftId}/annotations/${flagId}/resolve`, {
      ...jsonInit('POST', { note: 'Rephrased as reported speech; fine.' }, await suite.server.authHeaders('legal')),
    });
    expect(resolved.status).toBe(200);
    await chief.locator('.copy .flag--legal-risk.flag--open', { hasText: quote }).waitFor({ state: 'detached', timeout: 15_000 });

    // The chief signs off, no override needed now.
    await chief.getByRole('button', { name: 'Sign off', exact: true }).click();
    await signOff.getByText('No flags are open.').waitFor();
    await signOff.getByLabel(/^Note/).fill('Cleared after the legal read.');
    await signOff.getByRole('button', { name: 'Sign off', exact: true }).click();
    await signOff.waitFor({ state: 'hidden' });

    // The editor's page shows the sign-off live, without an override.
    const banner = editor.getByRole('region', { name: 'Sign-off' });
    await banner.getByText('Signed off by Chris Chief', { exact: true }).waitFor({ timeout: 15_000 });
    const record = await banner.innerText();
    expect(record).toContain('Cleared after the legal read.');
    expect(record).not.toContain('Override');
    for (const page of [editor, chief]) await page.locator('.desk-badge', { hasText: 'Signed off' }).waitFor({ timeout: 15_000 });

    // The editor edits: both pages flip to changed since sign-off.
    const added = 'Aides declined to say more.';
    await editor.locator('.copy p:not(.standfirst)').last().click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(` ${added}`);
    await editor.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
    for (const page of [editor, chief]) {
      await page.locator('.desk-badge', { hasText: 'Changed since sign-off' }).waitFor({ timeout: 15_000 });
      await page.getByRole('region', { name: 'Sign-off' }).getByText('The live copy is no longer the text that was approved.').waitFor();
    }

    // Compare with the signed version: the edit, and only it, is marked inserted.
    await banner.getByRole('button', { name: 'Compare with signed version' }).click();
    const viewer = editor.getByRole('dialog', { name: /with the live draft/ });
    await viewer.locator('.compare-count').waitFor({ timeout: 15_000 });
    await expect(viewer.locator('.compare-count').innerText()).resolves.toMatch(/^1 change\b/);
    expect((await viewer.locator('.copy ins.diff--insert').allInnerTexts()).join('')).toContain(added);
    expect(await viewer.locator('.copy del.diff--delete').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 150_000);

  it('a spiked draft is not signed off: the dialog says to bring it back, and turns to the form the moment it is back', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const errors: string[] = [];
    const chief = await openAs('chief', url, errors);
    await chief.getByLabel('Move the draft to').selectOption('spiked');
    await chief.locator('.topbar .desk-badge', { hasText: 'Spiked' }).waitFor();

    await chief.getByRole('button', { name: 'Sign off', exact: true }).click();
    const signOff = chief.getByRole('dialog', { name: 'Sign off this draft' });
    await signOff.getByText('This draft is spiked, so it cannot be signed off.', { exact: false }).waitFor();
    expect(await signOff.getByLabel(/^Note/).count()).toBe(0);
    // The focus is on the way out, so Enter closes it.
    await chief.keyboard.press('Enter');
    await signOff.waitFor({ state: 'hidden' });

    // Brought back by someone else while the chief's dialog is open: the form appears.
    await chief.getByRole('button', { name: 'Sign off', exact: true }).click();
    await signOff.getByText('This draft is spiked', { exact: false }).waitFor();
    const back = await fetch(`${url.replace('/docs/', '/api/docs/')}/desk`, jsonInit('POST', { state: 'draft' }, await suite.server.authHeaders('editor')));
    expect(back.status).toBe(200);
    await signOff.getByLabel(/^Note/).fill('Running after all.');
    await signOff.getByRole('button', { name: /^Sign off/ }).click();
    await signOff.waitFor({ state: 'hidden' });
    await chief.locator('.topbar .desk-badge', { hasText: 'Signed off' }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  }, 90_000);
});
