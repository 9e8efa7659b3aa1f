import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAnswerSchema } from '../../shared/api/auth.ts';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import { CLOSE_CODES } from '../../shared/protocol/closeCodes.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, type TestClient } from '../support/collabClient.ts';
import { openSignedIn } from '../support/editorPage.ts';
import { escapeConfirmation, focusedElement } from '../support/pageFocus.ts';
import { DEMO_PASSWORD, type DemoUsername } from '../support/testServer.ts';
import { waitFor } from '../support/waitFor.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('the API tokens page in Chromium', () => {
  // Open connections are checked again this often; the product's 15 s would make a revoke slow to observe.
  const suite = useBrowserSuite({ env: { CREDENTIAL_RECHECK_MS: '100' } });
  /** The editor's browser, on the drafts list at first, where every test but the last works. */
  let editor: Page;
  const probes: TestClient[] = [];

  beforeAll(async () => {
    editor = await signedInPage('editor');
    await editor.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
  });
  afterAll(() => {
    for (const probe of probes.splice(0)) probe.destroy();
  });

  /** A fresh profile signed in as `username`, on the drafts list. */
  async function signedInPage(username: DemoUsername): Promise<Page> {
    const page = await newProfilePage(suite.profiles, username);
    await openSignedIn(page, `${suite.server.url}/`, username, DEMO_PASSWORD);
    return page;
  }

  /** Calls the API the way a script would: from outside the browser, with only the token. */
  const withToken = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${suite.server.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });

  const createDraftWith = (token: string, title: string) =>
    withToken(token, '/api/docs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });

  /** Creates a token on the open tokens page and resolves to the secret it shows. */
  async function createToken(page: Page, name: string): Promise<string> {
    await page.getByLabel('Token name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('region', { name: `Token “${name || 'API token'}” created` }).waitFor();
    return page.getByLabel('Your new token').inputValue();
  }

  it('reached from the account menu: a new token’s secret is shown once, focused, copyable, and it works as a Bearer token', async () => {
    await editor.getByRole('button', { name: /Eddie Editor · Editor/ }).click();
    await editor.getByRole('link', { name: 'API tokens' }).click();
    await editor.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    expect(new URL(editor.url()).pathname).toBe('/account/tokens');
    expect(await editor.title()).toBe('API tokens — Copydesk');
    await editor.getByText('You have no tokens yet.').waitFor();

    const secret = await createToken(editor, 'Wire importer');
    expect(secret).toMatch(/^cdk_\S{20,}$/);
    // A screen reader starts at the panel that matters now, which says it is shown only this once.
    await expect.poll(() => focusedElement(editor)).toBe('h2: Token “Wire importer” created');
    const secretPanel = editor.getByRole('region', { name: 'Token “Wire importer” created' });
    await expect(secretPanel.innerText()).resolves.toContain('this is the only time it is shown');
    await expect(editor.getByLabel('Your new token').getAttribute('readonly')).resolves.not.toBeNull();

    const row = editor.getByRole('row', { name: /Wire importer/ });
    await expect(row.innerText()).resolves.toMatch(/Wire importer\s+just now\s+Never/);

    await secretPanel.getByRole('button', { name: 'Copy' }).click();
    await secretPanel.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await editor.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The token is the editor, with the editor's permissions: it may create a draft.
    const me = await withToken(secret, '/api/session');
    expect(me.status).toBe(200);
    expect(sessionAnswerSchema.parse(await me.json()).account.username).toBe('editor');
    const created = await createDraftWith(secret, 'Filed by the wire importer');
    expect(created.status).toBe(201);

    await secretPanel.getByRole('button', { name: 'I have stored it — hide the token' }).click();
    await secretPanel.waitFor({ state: 'detached' });
    await expect.poll(() => focusedElement(editor)).toBe('h2: Your tokens');
    expect(await editor.content()).not.toContain(secret);

    // Shown once means once: a fresh load lists the token, with its use, and never its secret.
    await editor.reload();
    await expect(editor.getByRole('row', { name: /Wire importer/ }).innerText()).resolves.toMatch(/Wire importer\s+just now\s+just now/);
    expect(await editor.content()).not.toContain(secret);
    expect(await editor.getByLabel('Your new token').count()).toBe(0);
  }, 30_000);

  it('the token holds a live connection to a draft; revoking it (after a confirmation) ends the connection and every call, and leaves the list', async () => {
    const secret = await createToken(editor, 'Collab bot');
    await editor.getByRole('button', { name: 'I have stored it — hide the token' }).click();

    const created = await createDraftWith(secret, 'Live with a token');
    expect(created.status).toBe(201);
    const { draft } = draftAnswerSchema.parse(await created.json());
    const bot = connectClient(suite.server.collabUrl, draft.id, { token: secret });
    probes.push(bot);
    await bot.waitSynced();

    await editor.getByRole('button', { name: 'Revoke Collab bot' }).click();
    const confirm = editor.getByRole('dialog', { name: 'Revoke “Collab bot”?' });
    await expect(confirm.innerText()).resolves.toContain('Anything that uses this token stops working at once.');
    await escapeConfirmation(editor, confirm);
    // Escape changes nothing.
    expect((await withToken(secret, '/api/session')).status).toBe(200);
    expect(bot.closes).toEqual([]);

    await editor.getByRole('button', { name: 'Revoke Collab bot' }).click();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await editor.getByRole('row', { name: /Collab bot/ }).waitFor({ state: 'detached' });
    await editor.getByRole('row', { name: /Wire importer/ }).waitFor();
    // The row and its button are gone: focus lands on the list rather than on nothing.
    await expect.poll(() => focusedElement(editor)).toBe('h2: Your tokens');

    const refused = await withToken(secret, '/api/session');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    await waitFor(() => bot.closes.some((close) => close.code === CLOSE_CODES.unauthorized), 'the revoked token’s connection to close with 4401');
  }, 30_000);

  it('each person sees only their own tokens; an unnamed one is listed as “API token” and acts with its owner’s role', async () => {
    const legal = await signedInPage('legal');
    await legal.goto(`${suite.server.url}/account/tokens`);
    // The editor's tokens from above are not the legal reviewer's business.
    await legal.getByText('You have no tokens yet.').waitFor();

    const secret = await createToken(legal, '');
    await expect(legal.getByRole('row', { name: /API token/ }).innerText()).resolves.toMatch(/API token\s+just now\s+Never/);
    expect(await legal.getByRole('row').count()).toBe(2);

    // Legal reads drafts but may not create them, and neither may its token.
    expect((await withToken(secret, '/api/docs')).status).toBe(200);
    const refused = await createDraftWith(secret, 'Not for legal');
    expect(refused.status).toBe(403);

    await editor.reload();
    await editor.getByRole('row', { name: /Wire importer/ }).waitFor();
    expect(await editor.getByRole('row', { name: /API token/ }).count()).toBe(0);

    // Revoking the last one takes the whole table away; focus still lands on the list.
    await legal.getByRole('button', { name: 'I have stored it — hide the token' }).click();
    await legal.getByRole('button', { name: 'Revoke API token' }).click();
    await legal.getByRole('dialog', { name: 'Revoke “API token”?' }).getByRole('button', { name: 'Revoke token' }).click();
    await legal.getByText('You have no tokens yet.').waitFor();
    await expect.poll(() => focusedElement(legal)).toBe('h2: Your tokens');
    expect((await withToken(secret, '/api/docs')).status).toBe(401);
  }, 30_000);
});
