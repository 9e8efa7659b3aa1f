import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountListSchema } from '../../shared/api/auth.ts';
import type { Role } from '../../shared/permissions/permissions.ts';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openSignedIn } from '../support/editorPage.ts';
import { escapeConfirmation, hasFocus } from '../support/pageFocus.ts';
import { DEMO_PASSWORD, testPasswordHash } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const SESSION_ENDED = 'Your session has ended. Sign in again to carry on; nothing on this device is lost.';

describe.skipIf(unavailable !== undefined)('the accounts admin page in Chromium', () => {
  const suite = useBrowserSuite();
  /** The admin, on /admin throughout. */
  let admin: Page;
  /** Whoever the admin is managing, in a browser of their own. */
  let person: Page;

  beforeAll(async () => {
    [admin, person] = await Promise.all([newProfilePage(suite.profiles, 'admin'), newProfilePage(suite.profiles, 'person')]);
    await openSignedIn(admin, `${suite.server.url}/admin`, 'admin', DEMO_PASSWORD);
  });

  const accountsTable = () => admin.getByRole('table', { name: 'Accounts' });
  const row = (username: string) => accountsTable().getByRole('row', { name: new RegExp(`^${username}\\b`) });
  /** The outcome of a change, in the page's live region. */
  const announced = (text: string) => admin.getByRole('status').filter({ hasText: text });

  /**
   * An account made behind the page's back (straight in the store, with a
   * hash that is cheap to check, so that its sign-ins are quick), then the
   * page reloaded to list it.
   */
  async function accountMadeElsewhere(username: string, role: Role, password: string): Promise<void> {
    const passwordHash = testPasswordHash(password);
    await suite.server.accounts.createAccount({ id: `test-${username}`, username, displayName: username, role, passwordHash, createdAt: Date.now() });
    await admin.reload();
    await row(username).waitFor();
  }

  /** The person's browser, signed out, on the sign-in page. */
  async function personSignedOut(): Promise<void> {
    await person.context().clearCookies();
    await person.goto(`${suite.server.url}/signin`);
    await person.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  async function personSignsIn(username: string, password: string): Promise<void> {
    await person.getByLabel('Username').fill(username);
    await person.getByLabel('Password').fill(password);
    await person.getByLabel('Password').press('Enter');
  }

  async function personSignsInToDrafts(username: string, password: string): Promise<void> {
    await personSignedOut();
    await personSignsIn(username, password);
    await person.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor();
  }

  /**
   * The person comes back to their open drafts list (the list asks the server
   * again when its tab becomes visible): a session that has ended sends them
   * to sign in, saying so.
   */
  async function personReturnsToTab(): Promise<void> {
    await person.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  }

  const signInRefusal = () => person.getByRole('alert');

  it('adds an account from the form: announced, listed with its role, and the new person signs in in that role', async () => {
    const form = admin.getByRole('form', { name: 'Add an account' });
    await form.getByLabel('Username').fill('sam.reporter');
    await form.getByLabel('Display name').fill('Sam Reporter');
    await form.getByLabel('Role', { exact: true }).selectOption('legal');
    await form.getByLabel('Password').fill('sam password 1');
    await form.getByRole('button', { name: 'Add account' }).click();

    await announced('Account sam.reporter (Sam Reporter) added.').waitFor();
    await row('sam.reporter').waitFor();
    await expect(row('sam.reporter').innerText()).resolves.toMatch(/Sam Reporter[\s\S]*Active/);
    await expect(admin.getByRole('combobox', { name: 'Role of sam.reporter' }).inputValue()).resolves.toBe('legal');
    // Ready for the next one: emptied, back to Editor, focus on the first field.
    await expect(form.getByLabel('Username').inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Password').inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Role', { exact: true }).inputValue()).resolves.toBe('editor');
    await expect.poll(() => hasFocus(form.getByLabel('Username'))).toBe(true);

    await personSignsInToDrafts('sam.reporter', 'sam password 1');
    await person.getByRole('button', { name: /Sam Reporter · Legal/ }).waitFor();
  });

  it('tells a taken username and a too-short password next to their fields, focuses the first, and adds nothing', async () => {
    const form = admin.getByRole('form', { name: 'Add an account' });
    const username = form.getByLabel('Username');
    const password = form.getByLabel('Password');
    const rowsBefore = await accountsTable().getByRole('row').count();

    /** Waits for `message` under `field`: announced, tied to the field, which has the focus for a fix. */
    const errorAt = async (field: Locator, message: string): Promise<Locator> => {
      const error = form.getByRole('alert').filter({ hasText: message });
      await error.waitFor();
      await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(field.getAttribute('aria-describedby')).resolves.toContain(await error.getAttribute('id'));
      await expect.poll(() => hasFocus(field)).toBe(true);
      return error;
    };

    // Usernames are lower-case: "Editor" is the demo editor's.
    await username.fill('Editor');
    await password.fill('a long enough password');
    await form.getByRole('button', { name: 'Add account' }).click();
    const taken = await errorAt(username, 'There is already an account called “editor”. Choose another username.');

    await username.fill('newsdesk');
    await password.fill('short');
    await form.getByRole('button', { name: 'Add account' }).click();
    await errorAt(password, 'A password has at least 10 characters.');
    await taken.waitFor({ state: 'detached' });
    expect(await username.getAttribute('aria-invalid')).toBeNull();

    expect(await accountsTable().getByRole('row').count()).toBe(rowsBefore);
    const listed = await fetch(`${suite.server.url}/api/accounts`, { headers: await suite.server.authHeaders('admin') });
    expect(accountListSchema.parse(await listed.json()).accounts.map((account) => account.username)).not.toContain('newsdesk');
  });

  it('changes a role with Save role, which the person’s open session has at once; Undo puts the select back', async () => {
    await accountMadeElsewhere('rita', 'editor', 'rita password 1');
    await personSignsInToDrafts('rita', 'rita password 1');
    const select = admin.getByRole('combobox', { name: 'Role of rita' });
    const ritaRow = row('rita');

    await select.selectOption('legal');
    await ritaRow.getByRole('button', { name: 'Undo' }).click();
    await expect(select.inputValue()).resolves.toBe('editor');
    expect(await ritaRow.getByRole('button', { name: 'Save role' }).count()).toBe(0);
    // The button that had the focus is gone; the select takes it rather than the page body.
    await expect.poll(() => hasFocus(select)).toBe(true);

    await select.selectOption('legal');
    await ritaRow.getByRole('button', { name: 'Save role' }).click();
    await announced('rita is now Legal.').waitFor();
    await ritaRow.getByRole('button', { name: 'Save role' }).waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(select)).toBe(true);
    await expect(select.inputValue()).resolves.toBe('legal');

    // No new sign-in needed: the same session now acts as Legal, who may not create drafts.
    await person.reload();
    await person.getByRole('button', { name: /rita · Legal/ }).waitFor();
    await expect(person.getByRole('button', { name: 'New draft' }).getAttribute('aria-disabled')).resolves.toBe('true');
  });

  it('resets a password: the person’s open session ends, the old password no longer signs in, the new one does', async () => {
    await accountMadeElsewhere('pat', 'editor', 'pat password 1');
    await personSignsInToDrafts('pat', 'pat password 1');

    const opener = admin.getByRole('button', { name: 'Reset password of pat' });
    await opener.click();
    const dialog = admin.getByRole('dialog', { name: 'Reset the password of pat' });
    await expect(dialog.innerText()).resolves.toContain('is signed out of every browser');
    const newPassword = dialog.getByLabel('New password');
    await expect.poll(() => hasFocus(newPassword)).toBe(true);
    await newPassword.fill('short');
    await newPassword.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'A password has at least 10 characters.' }).waitFor();

    await newPassword.fill('pat password 2');
    await dialog.getByRole('button', { name: 'Set new password' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await announced('The password of pat has been reset.').waitFor();
    await expect.poll(() => hasFocus(opener)).toBe(true);

    await personReturnsToTab();
    await person.getByRole('status').filter({ hasText: SESSION_ENDED }).waitFor();
    await personSignsIn('pat', 'pat password 1');
    await signInRefusal().filter({ hasText: 'Wrong username or password.' }).waitFor();
    await personSignsIn('pat', 'pat password 2');
    await person.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor();
  });

  it('disables an account after a confirmation: its open session ends, its token fails, and it cannot sign in, told why; Enable lets it back in', async () => {
    await accountMadeElsewhere('dana', 'chief', 'dana password 1');
    await personSignsInToDrafts('dana', 'dana password 1');
    const danaToken = await suite.server.authHeaders('dana');
    const danaUsesTheApi = async () => (await fetch(`${suite.server.url}/api/docs`, { headers: danaToken })).status;
    expect(await danaUsesTheApi()).toBe(200);

    await admin.getByRole('button', { name: 'Disable dana' }).click();
    const disable = admin.getByRole('dialog', { name: 'Disable dana?' });
    await expect(disable.innerText()).resolves.toContain('will no longer be able to sign in or use the API');
    await escapeConfirmation(admin, disable);
    // Escape changes nothing.
    await expect(row('dana').innerText()).resolves.toContain('Active');

    await admin.getByRole('button', { name: 'Disable dana' }).click();
    await disable.getByRole('button', { name: 'Disable account' }).click();
    await disable.waitFor({ state: 'hidden' });
    await announced('dana is disabled.').waitFor();
    await expect(row('dana').innerText()).resolves.toContain('Disabled');
    const enable = admin.getByRole('button', { name: 'Enable dana' });
    await expect.poll(() => hasFocus(enable)).toBe(true);

    await personReturnsToTab();
    await person.getByRole('status').filter({ hasText: SESSION_ENDED }).waitFor();
    await personSignsIn('dana', 'dana password 1');
    await signInRefusal().filter({ hasText: 'This account is disabled; ask an admin.' }).waitFor();
    expect(await danaUsesTheApi()).toBe(401);

    await enable.click();
    await admin.getByRole('dialog', { name: 'Enable dana?' }).getByRole('button', { name: 'Enable account' }).click();
    await announced('dana is enabled.').waitFor();
    await personSignsIn('dana', 'dana password 1');
    await person.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor();
    await person.getByRole('button', { name: /dana · Chief editor/ }).waitFor();
    // Disabling set the token aside rather than deleting it.
    expect(await danaUsesTheApi()).toBe(200);
  });

  it('keeps the admin from locking themselves out: their own role is fixed and they have no Disable', async () => {
    await expect(row('admin').innerText()).resolves.toContain('(you)');
    const ownRole = admin.getByRole('combobox', { name: 'Role of admin' });
    await expect(ownRole.isDisabled()).resolves.toBe(true);
    const noteId = await ownRole.getAttribute('aria-describedby');
    await expect(admin.locator(`[id="${noteId}"]`).innerText()).resolves.toBe('You cannot change your own role.');
    expect(await admin.getByRole('button', { name: 'Disable admin' }).count()).toBe(0);
    await row('admin').getByRole('button', { name: 'Reset password of admin' }).waitFor();
  });

  it('is out of reach for anyone else: no way in from the menus, “Not available” at /admin, and the API refuses', async () => {
    await personSignsInToDrafts('editor', DEMO_PASSWORD);
    expect(await person.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts()).toEqual(['Drafts']);
    await person.getByRole('button', { name: /Eddie Editor · Editor/ }).click();
    await person.getByRole('link', { name: 'API tokens' }).waitFor();
    expect(await person.getByRole('link', { name: 'Accounts' }).count()).toBe(0);

    await person.goto(`${suite.server.url}/admin`);
    await person.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    await person.getByText('Only administrators can manage accounts.').waitFor();
    expect(await person.title()).toBe('Not available — Copydesk');
    expect(await person.getByRole('table').count()).toBe(0);
    await person.getByRole('link', { name: 'Go to the drafts list' }).waitFor();
    expect(await person.evaluate(() => fetch('/api/accounts').then((res) => res.status))).toBe(403);
  });
});
