import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { openSignedIn, selectInCopy, waitConnected } from '../support/editorPage.ts';
import { DEMO_PASSWORD, type DemoUsername } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const isPeopleRequest = (url: string) => new URL(url).pathname === '/api/people';

/** The options of the open suggestion list as text, in order. */
const optionNames = (page: Page) => page.getByRole('listbox', { name: 'People to mention' }).getByRole('option').allTextContents();

/** The option `aria-activedescendant` of `field` points at, as its text. */
const activeOptionText = (field: Locator) =>
  field.evaluate((element) => {
    const id = element.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

describe.skipIf(unavailable !== undefined)('@mention suggestions in Chromium', () => {
  const suite = useBrowserSuite();
  let draftUrl: string;

  beforeAll(async () => {
    draftUrl = `${suite.server.url}/docs/${await importSampleDraft(suite.server)}`;
  });

  async function openAs(username: DemoUsername, prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`));
    await prepare?.(page);
    await openSignedIn(page, draftUrl, username, DEMO_PASSWORD);
    await waitConnected(page);
    await page.locator('.copy h1').waitFor({ timeout: 15_000 });
    return page;
  }

  async function inboxMentions(username: DemoUsername): Promise<{ flagId: string; excerpt: string }[]> {
    const answer = await fetch(`${suite.server.url}/api/inbox`, { headers: await suite.server.authHeaders(username) });
    expect(answer.status).toBe(200);
    const { items } = (await answer.json()) as { items: { kind: string; flagId: string; excerpt: string }[] };
    return items.filter((item) => item.kind === 'mention');
  }

  it('offers people while @ is typed in the first comment, the reply and the edit fields; keyboard and mouse insert @username, and the mentioned get it in their inbox', async () => {
    const peopleRequests: string[] = [];
    const editor = await openAs('editor', async (page) => {
      page.on('request', (request) => {
        if (isPeopleRequest(request.url())) peopleRequests.push(request.url());
      });
    });

    // First comment of a new flag, in the dialog.
    await selectInCopy(editor, 'within 24 hours');
    await editor.keyboard.press('Control+Shift+1');
    const dialog = editor.getByRole('dialog', { name: 'Flag as claim' });
    const first = dialog.getByLabel('First comment');
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    // A textbox has no expanded state (ARIA allows it on a combobox only): the list it controls, and the status read out, say it is open.
    await expect(first.getAttribute('aria-expanded')).resolves.toBeNull();
    await expect(first.getAttribute('aria-controls')).resolves.toBeNull();
    await editor.keyboard.type('Is this the exact wording? @');

    // A bare @ offers everyone in the directory, by name, with their @username and role.
    const list = editor.getByRole('listbox', { name: 'People to mention' });
    await list.waitFor();
    await expect(optionNames(editor)).resolves.toEqual([
      'Ada Admin @admin Admin',
      'Chris Chief @chief Chief editor',
      'Eddie Editor @editor Editor',
      'Lena Legal @legal Legal',
    ]);
    await expect(first.getAttribute('aria-autocomplete')).resolves.toBe('list');
    await expect(first.getAttribute('aria-controls')).resolves.toBe(await list.getAttribute('id'));

    // Escape closes the list and leaves the dialog open; typing on opens it again, narrowed.
    await editor.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await dialog.isVisible(), 'Escape on the list closed the dialog too').toBe(true);
    await expect(first.getAttribute('aria-controls')).resolves.toBeNull();
    await expect(first.getAttribute('aria-activedescendant')).resolves.toBeNull();
    await editor.keyboard.type('e');
    await list.waitFor();
    expect(await dialog.isVisible()).toBe(true);
    // Username prefix first, then those with an "e" further in.
    await expect(optionNames(editor)).resolves.toEqual(['Eddie Editor @editor Editor', 'Chris Chief @chief Chief editor', 'Lena Legal @legal Legal']);
    await expect(activeOptionText(first)).resolves.toContain('Eddie Editor');
    await expect(list.getByRole('option', { selected: true }).textContent()).resolves.toContain('Eddie Editor');

    // Arrows move the active option and wrap at the ends.
    await editor.keyboard.press('ArrowDown');
    await expect.poll(() => activeOptionText(first)).toContain('Chris Chief');
    await editor.keyboard.press('ArrowUp');
    await editor.keyboard.press('ArrowUp');
    await expect.poll(() => activeOptionText(first)).toContain('Lena Legal');
    await expect(list.getByRole('option', { selected: true }).textContent()).resolves.toContain('Lena Legal');
    expect(await list.getByRole('option', { selected: false }).count()).toBe(2);

    // Enter inserts the username and a space in place of the fragment; focus and caret stay in the field.
    await editor.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await expect(first.inputValue()).resolves.toBe('Is this the exact wording? @legal ');
    await editor.keyboard.type('please check');
    await expect(first.inputValue()).resolves.toBe('Is this the exact wording? @legal please check');
    // With no list open, Enter is a new line as before.
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Thanks.');
    await expect(first.inputValue()).resolves.toBe('Is this the exact wording? @legal please check\nThanks.');
    await dialog.getByRole('button', { name: 'Flag as claim' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The new flag's thread opens: the first comment shows the mention.
    const thread = editor.getByRole('article', { name: 'Flag: within 24 hours' });
    await thread.locator('.comment .mention', { hasText: '@legal' }).waitFor({ timeout: 15_000 });

    // A reply: Tab inserts too, replacing the whole word the caret is in.
    const reply = thread.getByLabel('Reply', { exact: true });
    await reply.click();
    await editor.keyboard.type('Over to you @chris');
    await expect(optionNames(editor)).resolves.toEqual(['Chris Chief @chief Chief editor']);
    await editor.keyboard.press('Backspace');
    await editor.keyboard.press('ArrowLeft');
    await editor.keyboard.press('ArrowLeft');
    await expect.poll(() => activeOptionText(reply)).toContain('Chris Chief');
    await editor.keyboard.press('Tab');
    await expect(reply.inputValue()).resolves.toBe('Over to you @chief ');
    await expect.poll(() => reply.evaluate((element) => element === document.activeElement)).toBe(true);
    await editor.keyboard.type('now.');
    await expect(reply.inputValue()).resolves.toBe('Over to you @chief now.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    const replied = thread.locator('.comment', { hasText: 'Over to you' });
    await expect(replied.locator('.mention').innerText()).resolves.toBe('@chief');

    // Editing a comment: a click on an option inserts it.
    await replied.getByRole('button', { name: 'Edit' }).click();
    const edit = replied.getByLabel('Edit comment');
    await edit.press('End');
    await editor.keyboard.type(' cc @ad');
    await editor.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /Ada Admin/ }).click();
    await expect(edit.inputValue()).resolves.toBe('Over to you @chief now. cc @admin ');
    await expect.poll(() => edit.evaluate((element) => element === document.activeElement)).toBe(true);
    await replied.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => replied.locator('.comment__text .mention').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['@chief', '@admin']);

    // The server found each mention: every mentioned account has it in its inbox.
    await expect.poll(async () => (await inboxMentions('legal')).map((item) => item.excerpt)).toEqual([
      'Is this the exact wording? @legal please check\nThanks.',
    ]);
    await expect.poll(async () => (await inboxMentions('chief')).map((item) => item.excerpt)).toContain('Over to you @chief now.');
    await expect.poll(async () => (await inboxMentions('admin')).length).toBe(1);

    // The panel, the dialog and three comment fields shared one load of the directory.
    expect(peopleRequests).toHaveLength(1);
  }, 120_000);

  it('without a directory (the request fails) the comment field is a plain textarea: no list, Enter is a new line', async () => {
    let failed = 0;
    const legal = await openAs('legal', async (page) => {
      await page.route(
        (url) => isPeopleRequest(url.href),
        async (route) => {
          failed += 1;
          await route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal_error","message":"down"}}' });
        },
      );
    });
    await selectInCopy(legal, 'reckless and detached from reality');
    await legal.getByRole('toolbar', { name: 'Flags' }).getByRole('button', { name: 'Legal risk' }).click();
    const field = legal.getByRole('dialog', { name: 'Flag as legal risk' }).getByLabel('First comment');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => failed).toBe(1);
    await legal.keyboard.type('Ask @le');
    await legal.keyboard.press('Enter');
    await legal.keyboard.type('x');
    await expect(field.inputValue()).resolves.toBe('Ask @le\nx');
    await expect(field.getAttribute('aria-controls')).resolves.toBeNull();
    expect(await legal.getByRole('listbox').count()).toBe(0);
    expect(await legal.getByRole('dialog', { name: 'Flag as legal risk' }).getByRole('alert').count()).toBe(0);
  }, 60_000);
});
