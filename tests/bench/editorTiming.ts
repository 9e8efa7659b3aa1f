import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { bodyOf, type TestClient } from '../support/collabClient.ts';
import {
  installPageProbes,
  startKeystrokeProbe,
  startRemoteProbe,
  whenKeysTimed,
  whenRemotePainted,
  type BenchRecord,
  type OpenExpectation,
} from './editorProbes.ts';

const TYPED = 'the minister said on Tuesday that talks would resume ';
/** Keys typed before timing starts: the first ones pay one-off costs (code compiled on first use, undo becoming available). */
const WARM_UP_KEYS = 5;
/** A fast typist: about 12 keys a second, and a pause after each sentence. */
const KEY_GAP_MS = 80;
const KEYS_PER_SENTENCE = 25;
const SENTENCE_PAUSE_MS = 800;
const REMOTE_EDIT_GAP_MS = 150;

/** Signs the browser in (the session cookie) and installs the page probes in every document it opens. */
export async function prepareContext(
  context: BrowserContext,
  session: { baseUrl: string; cookie: string; expected: Record<string, OpenExpectation> },
): Promise<void> {
  const [name, ...value] = session.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: session.baseUrl }]);
  // tsx compiles with keepNames, which wraps named functions in __name(); the probes run as source in the page.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(installPageProbes, session.expected);
}

const recordOf = (page: Page) => page.evaluate(() => (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench);

/** Opens `url` with no local copy of the draft (IndexedDB and localStorage cleared, cookies kept): ms until its copy and flags are painted. */
export async function timeOpen(page: Page, url: string): Promise<number> {
  // Leave the draft first: clearing its storage under an open page aborts the page's own transactions.
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'indexeddb,local_storage' });
  await cdp.detach();
  await page.goto(url);
  const opened = await page.waitForFunction(
    () => (window as unknown as { __copydeskBench: BenchRecord }).__copydeskBench.openedMs,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return (await opened.jsonValue()) as number;
}

export interface KeystrokeTimes {
  /** Keydown to painted, per key (Infinity: the character never showed). */
  times: number[];
  /** Keys the Event Timing API reported at 16 ms or more. */
  over16ByEventTiming: number;
}

/**
 * Types `count` characters (after a few untimed ones) with real key events
 * into the middle of the copy — `[aria-label="Draft copy"]`, any
 * contenteditable — at a fast typist's pace, pausing after each sentence
 * long enough for work an editor defers to pauses to run, as it would.
 */
export async function timeKeystrokes(page: Page, count: number): Promise<KeystrokeTimes> {
  const paragraphIndex = await page.evaluate(() => {
    const copy = document.querySelector<HTMLElement>('[aria-label="Draft copy"]')!;
    const index = Math.floor(copy.children.length / 2);
    const paragraph = copy.children[index]!;
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    const text = texts[Math.floor(texts.length / 2)]!;
    copy.focus();
    getSelection()!.collapse(text, Math.floor(text.length / 2));
    return index;
  });
  await page.keyboard.type(TYPED.slice(0, WARM_UP_KEYS), { delay: KEY_GAP_MS });
  await page.waitForTimeout(SENTENCE_PAUSE_MS);
  await page.evaluate(startKeystrokeProbe, paragraphIndex);
  for (let i = 0; i < count; i++) {
    const startedAt = performance.now();
    await page.keyboard.type(TYPED[i % TYPED.length]!);
    await page.evaluate(whenKeysTimed, i + 1);
    const gap = (i + 1) % KEYS_PER_SENTENCE === 0 ? SENTENCE_PAUSE_MS : KEY_GAP_MS;
    await page.waitForTimeout(Math.max(0, gap - (performance.now() - startedAt)));
  }
  const { keys, slowEventTimings } = await recordOf(page);
  return { times: keys.map((ms) => (Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms)), over16ByEventTiming: slowEventTimings.length };
}

/**
 * A Node client (another editor) inserts `rmt<n>x` into a paragraph below
 * the one typed in, `count` times, one edit every 150 ms or so, each timed in
 * the page from the WebSocket message to the DOM and to the painted frame.
 */
export async function timeRemoteEdits(page: Page, writer: TestClient, count: number): Promise<{ apply: number[]; paint: number[] }> {
  await page.evaluate(startRemoteProbe);
  const body = bodyOf(writer.doc);
  const paragraph = body.get(Math.floor(body.length / 2) + 3) as Y.XmlElement;
  const text = paragraph.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText)!;
  for (let i = 0; i < count; i++) {
    const startedAt = performance.now();
    text.insert(Math.min(40, text.length), ` rmt${i}x`);
    await page.evaluate(whenRemotePainted, String(i));
    await page.waitForTimeout(Math.max(0, REMOTE_EDIT_GAP_MS - (performance.now() - startedAt)));
  }
  const entries = Object.values((await recordOf(page)).remote);
  return { apply: entries.map((e) => e.applyMs), paint: entries.map((e) => e.paintMs ?? Number.POSITIVE_INFINITY) };
}

/**
 * The browser alone: the same copy as plain paragraphs in a bare
 * contenteditable (no editor, no app around it), typed into the same way.
 * What a keystroke costs this Chromium on this machine before any editor
 * work: the floor under the editor's figures.
 */
export async function timeBareContentEditable(page: Page, markdown: string, count: number): Promise<KeystrokeTimes> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const blocks = markdown
    .trim()
    .split(/\n\s*\n/)
    .map((block) => (block.startsWith('# ') ? `<h1>${escape(block.slice(2))}</h1>` : `<p>${escape(block)}</p>`));
  await page.goto('about:blank');
  await page.setContent(
    `<div contenteditable="true" aria-label="Draft copy" style="max-width:65ch;margin:24px auto;font:19px/1.62 Georgia,serif">${blocks.join('')}</div>`,
  );
  return timeKeystrokes(page, count);
}
