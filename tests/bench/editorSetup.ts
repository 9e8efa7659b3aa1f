import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { newDraftId } from '../../server/drafts/draftId.ts';
import { importDraft } from '../../server/drafts/importDraft.ts';
import { openSqliteDatabase } from '../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../server/storage/sqlite/SqliteAccountStore.ts';
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore.ts';
import { connectClient, type TestClient } from '../support/collabClient.ts';
import { signIn, tokenInDataDir } from '../support/testServer.ts';
import { buildLongDraft, createFlags, importMarkdown, spreadFlags } from '../support/longDraft.ts';
import type { OpenExpectation } from './editorProbes.ts';
import { withStoredFlags } from './editorStoredFlags.ts';
import { spawnBenchServer, type BenchServer } from './fanout.ts';

const SAMPLE = new URL('../../../shared/samples/talks-draft.md', import.meta.url);
/** The built client the bench server serves. */
export const DIST = path.resolve('dist/client');

/** A running server holding the scenario's two drafts (the same copy; one with flags), and a signed-in session. */
export interface EditorBenchSetup {
  baseUrl: string;
  /** `name=value` of an editor's session cookie. */
  cookie: string;
  flaggedId: string;
  plainId: string;
  /** What each draft shows once open (its last words, its flag count), for the open probe. */
  expected: Record<string, OpenExpectation>;
  /** A live Node client of each draft (editor role), for the remote edits. */
  writers: Record<string, TestClient>;
  /** The copy as Markdown, for the browser-alone baseline. */
  markdown: string;
  words: number;
  /** How long making the flags took (see FlagsVia). */
  flagSetupMs: number;
  close: () => Promise<void>;
}

/**
 * How the flags are made: through the REST API of the running server, one
 * request each (as people make them), or written into the stored draft with
 * the server's own code before it starts (seconds instead of tens of them,
 * for --quick).
 */
export type FlagsVia = 'rest' | 'store';

/**
 * Starts the real server (its own process on core 0, SQLite in a fresh
 * temporary folder) holding the scenario's drafts: the copy imported from
 * Markdown twice, `flags` flags on one of them. Builds the client first when
 * it is stale.
 */
export async function setUpEditorBench(options: { words: number; flags: number; flagsVia: FlagsVia }): Promise<EditorBenchSetup> {
  buildClientIfStale();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-editor-'));
  let server: BenchServer | undefined;
  const clients: TestClient[] = [];
  const close = async () => {
    for (const client of clients) client.destroy();
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server!.child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const token = await tokenInDataDir(dataDir, 'editor');
    const draft = buildLongDraft(readFileSync(SAMPLE, 'utf8'), options.words);
    const stored = options.flagsVia === 'store' ? await storeDrafts(dataDir, draft.markdown, options.flags) : undefined;
    server = await spawnBenchServer({ DATA_DIR: dataDir, STATIC_DIR: DIST, HOST: '127.0.0.1' }, []);
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const plainId = stored?.plainId ?? (await importMarkdown(baseUrl, token, draft.markdown, 'Editor bench, no flags'));
    const flaggedId = stored?.flaggedId ?? (await importMarkdown(baseUrl, token, draft.markdown, `Editor bench, ${options.flags} flags`));
    const writers: Record<string, TestClient> = {};
    for (const draftId of [flaggedId, plainId]) {
      const client = connectClient(`ws://127.0.0.1:${server.port}/collab`, draftId, { token });
      clients.push(client);
      await client.waitSynced();
      writers[draftId] = client;
    }
    let flagSetupMs = stored?.flagSetupMs ?? 0;
    if (!stored) {
      const flagStarted = performance.now();
      await createFlags(baseUrl, token, flaggedId, spreadFlags(writers[flaggedId]!.doc, options.flags));
      flagSetupMs = performance.now() - flagStarted;
    }
    return {
      baseUrl,
      cookie: await signIn(baseUrl, 'editor'),
      flaggedId,
      plainId,
      expected: {
        [plainId]: { lastWords: draft.lastWords, flags: 0 },
        [flaggedId]: { lastWords: draft.lastWords, flags: options.flags },
      },
      writers,
      markdown: draft.markdown,
      words: draft.words,
      flagSetupMs,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Writes both drafts into the store of `dataDir` (the server not running yet), the flags made by the editor account. */
async function storeDrafts(dataDir: string, markdown: string, flags: number): Promise<{ plainId: string; flaggedId: string; flagSetupMs: number }> {
  const file = path.join(dataDir, 'copydesk.sqlite');
  const accountsDb = openSqliteDatabase(file);
  const editor = await new SqliteAccountStore(accountsDb).findAccountByUsername('editor');
  accountsDb.close();
  if (!editor) throw new Error('no editor account in the bench data folder');
  const { state } = importDraft({ bytes: new TextEncoder().encode(markdown), format: 'markdown' });
  const started = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const flagged = withStoredFlags(state, spreadFlags(doc, flags), { id: editor.id, name: editor.displayName }, new Date());
  doc.destroy();
  const flagSetupMs = performance.now() - started;
  const store = new SqliteDocumentStore(file);
  try {
    const plainId = newDraftId();
    const flaggedId = newDraftId();
    await store.createDraft({ id: plainId, title: 'Editor bench, no flags', state });
    await store.createDraft({ id: flaggedId, title: `Editor bench, ${flags} flags`, state: flagged });
    return { plainId, flaggedId, flagSetupMs };
  } finally {
    await store.close();
  }
}

/** Builds the client when dist/ is missing or older than any client or shared source, so the bench measures the code as it is. */
function buildClientIfStale(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .reduce((latest, entry) => Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
  let built = 0;
  try {
    built = statSync(path.join(DIST, 'index.html')).mtimeMs;
  } catch {
    // Never built: build now.
  }
  if (built > Math.max(newest(path.resolve('client')), newest(path.resolve('shared')))) return;
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], { stdio: 'ignore' });
}
