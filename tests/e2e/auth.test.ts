import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { draftAnswerSchema, type DraftSummary } from '../../shared/api/drafts.ts';
import { readCopy, waitForCopy, waitConnected } from '../support/editorPage.ts';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { bodyString, connectClient, type TestClient } from '../support/collabClient.ts';
import { DEMO_PASSWORD, type DemoUsername } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('accounts and roles in Chromium', () => {
  const suite = useBrowserSuite();
  const probes: TestClient[] = [];

  afterAll(() => {
    for (const probe of probes.splice(0)) probe.destroy();
  });

  async function newPage(label: string): Promise<Page> {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    page.on('pageerror', (error) => console.error(`[${label}] page error: ${error.message}`));
    return page;
  }

  /** Opens `url` in a fresh profile: the app sends the person to sign in, then back to `url`. */
  async function openSignedIn(username: DemoUsername, url: string): Promise<Page> {
    const page = await newPage(username);
    await page.goto(url);
    await page.waitForURL(/\/signin\?next=/);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(url);
    return page;
  }

  async function createDraft(title: string): Promise<DraftSummary> {
    const created = await fetch(`${suite.server.url}/api/docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await suite.server.authHeaders('editor')) },
      body: JSON.stringify({ title }),
    });
    expect(created.status).toBe(201);
    return draftAnswerSchema.parse(await created.json()).draft;
  }

  it('an editor’s typing reaches a legal reviewer, whose page cannot change the copy; the server never gets a change', async () => {
    const draft = await createDraft('Harbour bridge');
    const url = `${suite.server.url}/docs/${draft.id}`;

    const editor = await openSignedIn('editor', url);
    await waitConnected(editor);
    await editor.getByRole('textbox', { name: 'Draft copy' }).click();
    await editor.keyboard.press('Control+Home');
    await editor.keyboard.type('Harbour bridge to close for six weeks');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Commuters face long detours.');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('The city will close the bridge from Monday.');

    const legal = await openSignedIn('legal', url);
    await waitConnected(legal);
    await waitForCopy(legal, 'The city will close the bridge from Monday.');

    // Live: what the editor types now shows on the legal page.
    await editor.keyboard.type(' Ferries will run extra sailings.');
    await waitForCopy(legal, 'Ferries will run extra sailings.');

    // Each sees the other's name and role; the reader is told why the page does not take typing.
    await legal.getByRole('list', { name: 'People in this draft' }).getByText('Eddie Editor').waitFor();
    await expect(legal.getByRole('list', { name: 'People in this draft' }).innerText()).resolves.toContain('(Editor)');
    await editor.getByRole('list', { name: 'People in this draft' }).getByText('Lena Legal').waitFor();
    await expect(editor.getByRole('list', { name: 'People in this draft' }).innerText()).resolves.toContain('(Legal)');
    await legal.getByText('You’re reading as Legal — you can select text and flag it, but not change the copy.').waitFor();
    await expect(legal.getByRole('toolbar', { name: 'Formatting' }).getAttribute('aria-disabled')).resolves.toBe('true');
    const legalCopy = legal.getByRole('textbox', { name: 'Draft copy' });
    await expect(legalCopy.getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(legal.getByLabel('Draft title').getAttribute('readonly')).resolves.not.toBeNull();

    const before = await readCopy(editor);
    expect(await readCopy(legal)).toBe(before);

    // The reader tries every way to change the copy: typing, Enter, deleting, cutting, inserting by command.
    await legal.getByText('Commuters face long detours.').click();
    await legal.keyboard.type('XYZ');
    await legal.keyboard.press('Enter');
    await legal.keyboard.press('Backspace');
    await legal.keyboard.press('Delete');
    await legal.keyboard.press('Control+b');
    await legal.keyboard.type('Q');
    await legal.evaluate(() => document.execCommand('insertText', false, 'INSERTED'));
    await legal.keyboard.press('Home');
    await legal.keyboard.press('Shift+End');
    await legal.keyboard.press('Control+x');
    await legal.keyboard.press('Control+a');
    await legal.keyboard.press('Delete');

    // Selecting with the keyboard still works (for flagging text).
    await legal.getByText('Commuters face long detours.').click();
    await legal.keyboard.press('Home');
    for (let i = 0; i < 'Commuters'.length; i++) await legal.keyboard.press('Shift+ArrowRight');
    await expect(legal.evaluate(() => window.getSelection()?.toString())).resolves.toBe('Commuters');
    // The selection travels as awareness, after anything the tab sent before it: once the editor
    // shows it, the server has handled the reader's earlier messages.
    await editor.locator('.ProseMirror-yjs-selection', { hasText: 'Commuters' }).waitFor({ timeout: 15_000 });

    expect(await readCopy(legal)).toBe(before);
    expect(await readCopy(editor)).toBe(before);
    // A refused copy update would have closed the reader's connection (4403).
    await expect(legal.locator('.pill').innerText()).resolves.toBe('Connected');
    expect(await legal.getByText('This account cannot change the copy').count()).toBe(0);

    // The editor still writes, and the reader still follows.
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(' Last line.');
    await waitForCopy(legal, 'Last line.');
    expect(await readCopy(legal)).toBe(await readCopy(editor));

    // The server's copy, fetched by a fresh client: the editor's text, and nothing at all made by the reader's tab.
    const probe = connectClient(suite.server.collabUrl, draft.id, { params: { token: await suite.server.tokenFor('chief') } });
    probes.push(probe);
    // Listen only: the stock provider relays every awareness state it hears, the people in the
    // draft included, and the server refuses states naming another account (CS17).
    probe.provider.awareness.off('update', probe.provider._awarenessUpdateHandler);
    await waitFor(() => probe.provider.synced || probe.closes.length > 0, 'the probe to sync');
    expect(probe.closes).toEqual([]);
    const legalClientId = await waitFor(() => {
      for (const [clientId, state] of probe.provider.awareness.getStates()) {
        if ((state as { user?: { name?: string } }).user?.name === 'Lena Legal') return clientId;
      }
      return undefined;
    }, 'the reader in the server’s awareness');
    expect(probe.doc.store.clients.has(legalClientId)).toBe(false);
    const stored = bodyString(probe.doc);
    expect(stored).toContain('Ferries will run extra sailings. Last line.');
    for (const attempt of ['XYZ', 'INSERTED', 'Q']) expect(stored).not.toContain(attempt);
  }, 90_000);

  it('a wrong password shows the error; the right one opens the drafts list, where a reviewer is told why they cannot create', async () => {
    const page = await newPage('legal');
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(/\/signin$/);
    await page.getByLabel('Username').fill('legal');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByLabel('Password').press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: /wrong username or password/i });
    await alert.waitFor();
    // The password is cleared and focused for another try; the username stays.
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe('legal');

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Drafts', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('button', { name: /Lena Legal · Legal/ }).waitFor();

    const newDraft = page.getByRole('button', { name: 'New draft' });
    await expect(newDraft.getAttribute('aria-disabled')).resolves.toBe('true');
    const explanationId = await newDraft.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${explanationId}"]`).innerText()).resolves.toMatch(/can read drafts but not create or import them/);
    expect(await page.getByRole('button', { name: 'Choose a file…' }).count()).toBe(0);
    await newDraft.click({ force: true });
    expect(new URL(page.url()).pathname).toBe('/');

    // Signing out shows the sign-in page again.
    await page.getByRole('button', { name: /Lena Legal · Legal/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    const session = await page.evaluate(() => fetch('/api/session').then((res) => res.status));
    expect(session).toBe(401);
  }, 60_000);
});
