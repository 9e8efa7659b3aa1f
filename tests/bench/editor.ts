import { launchProfile } from '../support/browser.ts';
import { waitConnected } from '../support/editorPage.ts';
import { editorRouteFiles, shellFiles, type BundlePart, type EditorRouteParts } from './editorBundle.ts';
import { setUpEditorBench, type FlagsVia } from './editorSetup.ts';
import { prepareContext, timeBareContentEditable, timeKeystrokes, timeOpen, timeRemoteEdits, type KeystrokeTimes } from './editorTiming.ts';
import { percentile } from './fanout.ts';

/**
 * Editor (scenario 6): one person's Chromium on a 5,000-word draft built from
 * the talks sample, with 500 flags made through the REST API and, for
 * comparison, without; and the same words in a bare contenteditable (the
 * browser alone). The server is its own process on core 0 with a real SQLite
 * data folder; the browser inherits the bench's core 1 (all its processes
 * share it). Timed in the page (editorProbes.ts):
 * - open: navigation to the draft URL until its last words and all its
 *   flags are painted, with no local copy (IndexedDB cleared), HTTP cache
 *   warm except on the first open;
 * - key: real key events (CDP), keydown's timestamp to the painted frame
 *   showing the character;
 * - remote: small edits by a Node client, WebSocket message to DOM and to
 *   the painted frame.
 * The bundle figures are the gzip sizes of what the app shell and the
 * editor route load.
 */
export interface EditorBenchOptions {
  words: number;
  flags: number;
  /** Opens timed per draft, after one first open that fills the HTTP cache. */
  opens: number;
  keystrokes: number;
  remoteEdits: number;
  flagsVia: FlagsVia;
}

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface EditorRow {
  name: string;
  firstOpenMs?: number;
  openMedianMs?: number;
  keys: Spread;
  /** Keys the Event Timing API reported at 16 ms or more (its floor; durations rounded to 8 ms), of `keyCount`. */
  keysOver16ByEventTiming: number;
  keyCount: number;
  remoteApply?: Spread;
  remotePaint?: Spread;
}

export interface EditorBenchResult {
  rows: EditorRow[];
  shell: BundlePart;
  /** What `/docs/:id` loads besides the shell. */
  editorRoute: EditorRouteParts;
  flags: number;
  flagsVia: FlagsVia;
  flagSetupMs: number;
}

export const spreadOf = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
};

const keyFigures = (keys: KeystrokeTimes) => ({
  keys: spreadOf(keys.times),
  keysOver16ByEventTiming: keys.over16ByEventTiming,
  keyCount: keys.times.length,
});

export async function runEditorBench(options: EditorBenchOptions): Promise<EditorBenchResult> {
  const setup = await setUpEditorBench(options);
  try {
    const rows: EditorRow[] = [];
    let editorRoute: EditorRouteParts = { toOpen: { files: [], gzipBytes: 0 }, afterOpen: { files: [], gzipBytes: 0 } };
    const words = setup.words.toLocaleString('en');
    for (const [draftId, flags] of [
      [setup.flaggedId, options.flags],
      [setup.plainId, 0],
    ] as const) {
      // A fresh browser per draft: the first open of each fills an empty HTTP cache.
      const profile = await launchProfile();
      try {
        await prepareContext(profile.context, setup);
        const page = await profile.context.newPage();
        page.on('pageerror', (error) => console.error(`[editor bench] page error: ${error.message}`));
        const url = `${setup.baseUrl}/docs/${draftId}`;
        const opens: number[] = [];
        for (let i = 0; i <= options.opens; i++) opens.push(await timeOpen(page, url));
        await waitConnected(page);
        const keys = await timeKeystrokes(page, options.keystrokes);
        const remote = await timeRemoteEdits(page, setup.writers[draftId]!, options.remoteEdits);
        // Read last, when what the page loads once idle has come in too.
        editorRoute = await editorRouteFiles(page);
        rows.push({
          name: `Copydesk, ${words} words, ${flags} flags`,
          firstOpenMs: opens[0]!,
          openMedianMs: spreadOf(opens.slice(1)).p50,
          ...keyFigures(keys),
          remoteApply: spreadOf(remote.apply),
          remotePaint: spreadOf(remote.paint),
        });
      } finally {
        await profile.close();
      }
    }
    const profile = await launchProfile();
    try {
      await prepareContext(profile.context, { ...setup, expected: {} });
      const keys = await timeBareContentEditable(await profile.context.newPage(), setup.markdown, options.keystrokes);
      rows.push({ name: `Chromium alone: the ${words} words in a bare contenteditable`, ...keyFigures(keys) });
    } finally {
      await profile.close();
    }
    return { rows, shell: shellFiles(), editorRoute, flags: options.flags, flagsVia: options.flagsVia, flagSetupMs: setup.flagSetupMs };
  } finally {
    await setup.close();
  }
}

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '-');
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** The scenario's two Markdown tables: timings per draft, and the client bundle. */
export function editorBenchMarkdown(result: EditorBenchResult): string {
  const lines = [
    '### Editor (scenario 6): Chromium on a 5,000-word draft built from the talks sample',
    '',
    `Key: keydown to the painted frame showing the character. Remote: WebSocket message to DOM / to the painted frame. ` +
      `Open: navigation until the last words and every flag are painted, no local copy. ` +
      (result.flagsVia === 'rest'
        ? `${result.flags} flags made through the REST API in ${fmt(result.flagSetupMs / 1000)} s.`
        : `${result.flags} flags written into the stored draft with the server's own code (--quick).`),
    '',
    '| draft | first open ms | open ms (median) | key p50 ms | key p95 ms | key p99 ms | key max ms | keys ≥ 16 ms by Event Timing | remote apply p50 ms | remote apply p99 ms | remote paint p50 ms | remote paint p99 ms |',
    '| - | - | - | - | - | - | - | - | - | - | - | - |',
    ...result.rows.map(
      (row) =>
        `| ${row.name} | ${fmt(row.firstOpenMs, 0)} | ${fmt(row.openMedianMs, 0)} | ${fmt(row.keys.p50)} | ${fmt(row.keys.p95)} | ${fmt(row.keys.p99)} | ${fmt(row.keys.max)} | ${row.keysOver16ByEventTiming} of ${row.keyCount} | ${fmt(row.remoteApply?.p50)} | ${fmt(row.remoteApply?.p99)} | ${fmt(row.remotePaint?.p50)} | ${fmt(row.remotePaint?.p99)} |`,
    ),
    '',
    '| client bundle | files | gzip KiB |',
    '| - | - | - |',
    `| app shell (index.html) | ${result.shell.files.join(', ')} | ${kib(result.shell.gzipBytes)} |`,
    `| editor route, loaded on /docs/:id before the draft is painted | ${result.editorRoute.toOpen.files.join(', ')} | ${kib(result.editorRoute.toOpen.gzipBytes)} |`,
    `| total to open a draft | | ${kib(result.shell.gzipBytes + result.editorRoute.toOpen.gzipBytes)} |`,
    `| loaded once the draft is painted and the page idle | ${result.editorRoute.afterOpen.files.join(', ')} | ${kib(result.editorRoute.afterOpen.gzipBytes)} |`,
  ];
  return lines.join('\n');
}
