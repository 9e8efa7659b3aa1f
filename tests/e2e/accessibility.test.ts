import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserUnavailableReason, newProfilePage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { openDraftAs, openSignedIn, selectInCopy } from '../support/editorPage.ts';
import { flagLastParagraph } from '../support/flagFixtures.ts';
import { importSampleDraft } from '../support/sampleDraft.ts';
import { DEMO_PASSWORD } from '../support/testServer.ts';

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * What axe-core finds wrong on the page as it is now (WCAG 2.1 A and AA and
 * best practices). Its source goes in through the debugging protocol, which
 * the page's Content-Security-Policy does not govern, so the page is audited
 * with its own policy on.
 */
async function violationsOn(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ html: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((node) => node.html.slice(0, 160)) }));
  });
}

/** Each screen a desk works in, audited by axe-core in Chromium: no violation of any impact. */
describe.skipIf(unavailable !== undefined)('accessibility of the screens, in Chromium with axe-core', () => {
  const suite = useBrowserSuite();

  it('finds nothing wrong on sign-in, the drafts list, the editor and its flags, a thread, the sign-off dialog, a spiked draft and the shortcuts list', async () => {
    const draftId = await importSampleDraft(suite.server);
    // Another story, so that the list still has a table once the first is spiked.
    await importSampleDraft(suite.server);
    await flagLastParagraph(suite.server, draftId, [
      { quote: 'what makes him so sure', kind: 'legal-risk', by: 'legal' },
      { quote: 'private negotiations', kind: 'claim', by: 'editor' },
    ]);

    const found: Record<string, Violation[]> = {};
    const page = await newProfilePage(suite.profiles, 'chief');
    await page.goto(`${suite.server.url}/`);
    await page.getByLabel('Username').waitFor();
    found['sign-in'] = await violationsOn(page);

    await openDraftAs(page, `${suite.server.url}/docs/${draftId}`, 'chief');
    await page.locator('.flag-list__items .flag-card').first().waitFor();
    found['editor with its flags'] = await violationsOn(page);

    await page.locator('.flag-list__items .flag-card').first().click();
    await page.getByRole('navigation', { name: 'Listed flags' }).waitFor();
    found['a flag thread'] = await violationsOn(page);

    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await page.getByRole('dialog', { name: 'Sign off this draft' }).waitFor();
    found['the sign-off dialog'] = await violationsOn(page);
    await page.keyboard.press('Escape');

    // Spiked from here on: its notice over the copy, the dialog's refusal, and the list's count of what it leaves out.
    await page.getByLabel('Move the draft to').selectOption('spiked');
    await page.locator('.topbar .desk-badge', { hasText: 'Spiked' }).waitFor();
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await page.getByRole('dialog', { name: 'Sign off this draft' }).getByRole('button', { name: 'Close' }).waitFor();
    found['a spiked draft and its sign-off dialog'] = await violationsOn(page);
    await page.keyboard.press('Enter');

    await page.goto(`${suite.server.url}/`);
    await page.locator('.drafts-table').waitFor();
    await page.locator('.drafts-page__spiked').waitFor();
    found['the drafts list'] = await violationsOn(page);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    found['the keyboard shortcuts list'] = await violationsOn(page);
    await page.keyboard.press('Escape');

    const legal = await newProfilePage(suite.profiles, 'legal');
    await openDraftAs(legal, `${suite.server.url}/docs/${draftId}`, 'legal');
    await legal.locator('.flag-list__items .flag-card').first().waitFor();
    found['the editor as legal reads it'] = await violationsOn(legal);

    expect(found).toEqual({
      'sign-in': [],
      'editor with its flags': [],
      'a flag thread': [],
      'the sign-off dialog': [],
      'a spiked draft and its sign-off dialog': [],
      'the drafts list': [],
      'the keyboard shortcuts list': [],
      'the editor as legal reads it': [],
    });
  }, 120_000);

  it('finds nothing wrong on the accounts and tokens pages, the inbox, the activity and history tabs, and the new-flag dialog', async () => {
    const draftId = await importSampleDraft(suite.server);
    await flagLastParagraph(suite.server, draftId, [{ quote: 'what makes him so sure', kind: 'legal-risk', by: 'legal' }]);
    const found: Record<string, Violation[]> = {};

    const admin = await newProfilePage(suite.profiles, 'admin');
    await openSignedIn(admin, `${suite.server.url}/admin`, 'admin', DEMO_PASSWORD);
    await admin.getByRole('table').waitFor();
    found['accounts'] = await violationsOn(admin);
    await admin.goto(`${suite.server.url}/account/tokens`);
    await admin.getByRole('button', { name: /create/i }).first().waitFor();
    found['API tokens'] = await violationsOn(admin);

    const editor = await newProfilePage(suite.profiles, 'editor');
    await openDraftAs(editor, `${suite.server.url}/docs/${draftId}`, 'editor');
    await editor.locator('.inbox__button').click();
    await editor.getByText('Inbox', { exact: true }).waitFor();
    found['the inbox'] = await violationsOn(editor);
    await editor.keyboard.press('Escape');
    await editor.getByRole('tab', { name: 'Activity' }).click();
    await editor.locator('.activity').waitFor();
    found['the activity tab'] = await violationsOn(editor);
    await editor.getByRole('tab', { name: 'History' }).click();
    await editor.getByRole('tabpanel').getByRole('button').first().waitFor();
    found['the history tab'] = await violationsOn(editor);
    await selectInCopy(editor, 'private negotiations');
    await editor.keyboard.press('Control+Shift+1');
    await editor.getByRole('dialog', { name: 'Flag as claim' }).waitFor();
    found['the new-flag dialog'] = await violationsOn(editor);

    expect(found).toEqual({
      accounts: [],
      'API tokens': [],
      'the inbox': [],
      'the activity tab': [],
      'the history tab': [],
      'the new-flag dialog': [],
    });
  }, 120_000);
});
