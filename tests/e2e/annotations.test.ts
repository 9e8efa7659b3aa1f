import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assetTiming, flagAsClaim, openDraftAs, selectInCopy, watchCopyFrame } from '../support/editorPage.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { browserUnavailableReason, launchProfile } from '../support/browser.ts';
import type { DemoUsername } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const HOSTILE_COMMENT =
  'Who said this? <script>window.__pwned = "script"</script> <img src=x onerror="window.__pwned = \'img\'"> ' +
  '[proof](javascript:window.__pwned=1) javascript:alert(1) see https://example.com/ok';

/**
 * The flags panel's cards as text, with every status shown. Each is scrolled
 * into view first: a card out of sight is not rendered (content-visibility),
 * and the browser gives no rendered text for it.
 */
async function panelCards(page: Page): Promise<string[]> {
  const panel = page.getByRole('complementary', { name: 'Flags' });
  await panel.getByLabel('Status').selectOption('all');
  const texts: string[] = [];
  for (const card of await panel.locator('.flag-card').all()) {
    await card.scrollIntoViewIfNeeded();
    texts.push(await card.innerText());
  }
  return texts;
}

describe.skipIf(unavailable !== undefined)('flags in Chromium', () => {
  const suite = useBrowserSuite();

  /** A fresh profile signed in as `username` on `url`, connected, with the copy loaded. Dialogs are recorded and dismissed. */
  async function openAs(
    username: DemoUsername,
    url: string,
    dialogs: string[],
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<Page> {
    const profile = await launchProfile();
    suite.profiles.push(profile);
    const page = await profile.context.newPage();
    await prepare?.(page);
    page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(`${username}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    await openDraftAs(page, url, username);
    return page;
  }

  it('over a selection made with the pointer, a floating toolbar offers the three kinds; its code loads only once the draft is on screen', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const dialogs: string[] = [];
    const editor = await openAs('editor', url, dialogs, watchCopyFrame);

    // Opening the draft did not wait for the floating toolbar's code: it was fetched after the copy was drawn.
    const { fetchedAt, copyFrameAt } = await assetTiming(editor, /\/assets\/FlagBubbleMenu-[^/]*\.js$/);
    expect(copyFrameAt).toBeDefined();
    expect(fetchedAt).toBeGreaterThan(copyFrameAt!);

    const bubble = editor.getByRole('toolbar', { name: 'Flag the selection' });
    await expect(bubble.isVisible()).resolves.toBe(false);
    const phrase = editor.locator('.copy p', { hasText: 'within 24 hours' }).first();
    await phrase.waitFor();
    await selectInCopy(editor, 'within 24 hours');
    await bubble.waitFor();
    await expect(bubble.getByRole('button').allInnerTexts()).resolves.toEqual(['Claim', 'Source needed', 'Legal risk']);

    await bubble.getByRole('button', { name: 'Source needed' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Flag as source needed' });
    await dialog.waitFor();
    await dialog.getByLabel('First comment').fill('Who set the deadline?');
    await dialog.getByRole('button', { name: 'Flag as source needed' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await editor.locator('.copy .flag--source-needed', { hasText: 'within 24 hours' }).waitFor();
    expect(dialogs).toEqual([]);
  });

  it('when the floating toolbar’s code cannot load, the editor carries on and the flag toolbar still flags', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    // What happens first once the chunk fails: the app's warning, or an error that took the page down.
    let settle!: (outcome: string) => void;
    const outcome = new Promise<string>((resolve) => (settle = resolve));
    const editor = await openAs('editor', url, dialogs, async (page) => {
      page.on('pageerror', (error) => {
        pageErrors.push(error.message);
        settle(`page error: ${error.message}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'warning' && message.text().includes('The floating flag toolbar is unavailable')) settle('warned');
      });
      // As after a deploy that removed the chunk, or a network gone just then (requests of the service worker included).
      await page.context().route(/\/assets\/FlagBubbleMenu-[^/]*\.js$/, (route) => route.abort());
    });
    await expect(outcome).resolves.toBe('warned');

    await expect(editor.locator('.copy h1').innerText()).resolves.toContain('Talks end without breakthrough');
    await selectInCopy(editor, 'within 24 hours');
    await editor.getByRole('toolbar', { name: 'Flags' }).getByRole('button', { name: 'Claim' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Flag as claim' });
    await dialog.getByLabel('First comment').fill('Check the pledge.');
    await dialog.getByRole('button', { name: 'Flag as claim' }).click();
    await editor.locator('.copy .flag--claim', { hasText: 'within 24 hours' }).waitFor();
    await expect(editor.getByRole('toolbar', { name: 'Flag the selection' }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('an editor flags a claim, legal flags a quote and comments, the editor replies, legal resolves; both see the same panel and the report lists it all; hostile comment text stays inert', async () => {
    const draftId = await importSampleDraft(suite.server);
    const url = `${suite.server.url}/docs/${draftId}`;
    const dialogs: string[] = [];

    const editor = await openAs('editor', url, dialogs);
    const legal = await openAs('legal', url, dialogs);

    // The editor flags a claim with the keyboard shortcut.
    await flagAsClaim(editor, 'within 24 hours', 'Is this the exact wording of the pledge? @legal');
    await editor.locator('.copy .flag--claim', { hasText: 'within 24 hours' }).waitFor();
    await legal.locator('.copy .flag--claim', { hasText: 'within 24 hours' }).waitFor({ timeout: 15_000 });

    // Legal, who cannot change the copy, flags a quote as a legal risk from the toolbar, with a hostile comment.
    const quote = 'reckless and detached from reality';
    await selectInCopy(legal, quote);
    await legal.getByRole('toolbar', { name: 'Flags' }).getByRole('button', { name: 'Legal risk' }).click();
    const legalDialog = legal.getByRole('dialog', { name: 'Flag as legal risk' });
    await legalDialog.getByLabel('First comment').fill(HOSTILE_COMMENT);
    await legalDialog.getByRole('button', { name: 'Flag as legal risk' }).click();
    await legalDialog.waitFor({ state: 'hidden' });
    await editor.locator('.copy .flag--legal-risk', { hasText: quote }).waitFor({ timeout: 15_000 });

    // The editor opens it from the panel (its span is marked as the open one, and selected in the editor) and replies.
    await editor.getByRole('button', { name: 'All flags' }).click();
    await editor.locator('.flag-card', { hasText: quote }).click();
    await expect(editor.locator('.copy .flag--active').innerText()).resolves.toBe(quote);
    await editor.getByLabel('Reply', { exact: true }).fill('It is on the record: the White House briefing, 4 May.');
    await editor.getByRole('button', { name: 'Reply', exact: true }).click();
    // A slip, taken back: the editor deletes a reply after confirming in the app's own dialog.
    const editorThread = editor.getByRole('article', { name: `Flag: ${quote}` });
    await editor.getByLabel('Reply', { exact: true }).fill('Sent too soon.');
    await editor.getByRole('button', { name: 'Reply', exact: true }).click();
    const slip = editorThread.locator('.comment', { hasText: 'Sent too soon.' });
    await slip.getByRole('button', { name: 'Delete' }).click();
    const confirmDelete = editor.getByRole('dialog', { name: 'Delete this comment?' });
    await confirmDelete.getByRole('button', { name: 'Delete comment' }).click();
    await confirmDelete.waitFor({ state: 'hidden' });
    await slip.waitFor({ state: 'detached' });
    await editorThread.getByText('Comment deleted.').waitFor();
    // The flag can go to anyone on the desk, not only to people already in this draft.
    await expect
      .poll(() => editorThread.getByLabel('Assigned to').locator('option').allInnerTexts())
      .toEqual(['Nobody', 'Eddie Editor (you)', 'Chris Chief', 'Lena Legal']);

    // Legal sees the reply in the open thread, and resolves.
    const legalThread = legal.getByRole('article', { name: `Flag: ${quote}` });
    await legalThread.getByText('It is on the record').waitFor({ timeout: 15_000 });
    await legalThread.getByRole('button', { name: 'Resolve' }).click();
    await legalThread.getByText('Resolved by Lena Legal').waitFor();
    await editor.getByRole('article', { name: `Flag: ${quote}` }).getByText('Resolved by Lena Legal').waitFor({ timeout: 15_000 });

    // The hostile comment is shown as text on both pages and ran nothing.
    for (const page of [editor, legal]) {
      const thread = page.getByRole('article', { name: `Flag: ${quote}` });
      const comment = thread.locator('.comment').first();
      await expect(comment.locator('.comment__text').innerText()).resolves.toContain('<script>window.__pwned = "script"</script>');
      await expect(comment.locator('.comment__text').innerText()).resolves.toContain('<img src=x onerror=');
      expect(await thread.locator('img, script').count()).toBe(0);
      expect(await thread.locator('a[href^="javascript"]').count()).toBe(0);
      expect(await comment.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        'https://example.com/ok',
      ]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);

    // The editor checks the claim and records it as verified.
    await editor.getByRole('button', { name: 'All flags' }).click();
    await editor.locator('.flag-card', { hasText: 'within 24 hours' }).click();
    const claimThread = editor.getByRole('article', { name: 'Flag: within 24 hours' });
    await claimThread.getByLabel('Verification').selectOption('verified');
    await claimThread.getByRole('button', { name: 'Save details' }).click();
    await claimThread.getByText('Verified by Eddie Editor').waitFor();

    // Both pages show the same panel: counts and cards in document order.
    for (const page of [editor, legal]) await page.getByRole('button', { name: 'All flags' }).click();
    const editorPanel = editor.getByRole('complementary', { name: 'Flags' });
    await expect(editorPanel.locator('.annotations__summary').innerText()).resolves.toBe(
      'claims verified 1/1 · sources needed 0 · legal open 0',
    );
    await expect(legal.locator('.annotations__summary').innerText()).resolves.toBe(
      await editorPanel.locator('.annotations__summary').innerText(),
    );
    const cards = await panelCards(editor);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('within 24 hours');
    // A card tells a checked claim from an unchecked one, in words as well as colour.
    expect(cards[0]).toContain('Verified');
    expect(cards[1]).toContain(quote);
    expect(cards[1]).toContain('Resolved');
    expect(cards[1]).toContain('1 reply');
    expect(await panelCards(legal)).toEqual(cards);

    // The legal report lists both flags with their quotes and the whole thread, escaped.
    const report = await fetch(`${suite.server.url}/api/docs/${draftId}/annotations?format=html`, {
      headers: await suite.server.authHeaders('legal'),
    });
    expect(report.status).toBe(200);
    const html = await report.text();
    for (const text of ['within 24 hours', quote, 'Is this the exact wording', 'It is on the record', 'Lena Legal', 'Eddie Editor']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
  }, 120_000);
});
