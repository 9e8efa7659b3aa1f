import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, typeInto } from '../../support/collabClient.ts';
import { makeDataDir, startTestServer, type TestServer } from '../../support/testServer.ts';
import { waitFor } from '../../support/waitFor.ts';

const run = promisify(execFile);

/** Runs `npm run backup -- …` (as node directly) on `dataDir`; resolves to its output and exit code. */
async function backup(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...env };
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.resolve('scripts/backup.ts'), ...args], { env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function exportMarkdown(server: TestServer, draftId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/docs/${draftId}/export?format=md`, { headers: await server.authHeaders('editor') });
  expect(res.status).toBe(200);
  return res.text();
}

/**
 * `npm run backup -- FILE`: a copy of the SQLite database taken while the
 * server runs and takes edits, which a server started on it serves whole.
 */
describe('backing up the SQLite database', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('copies a running, busy server\'s database into one checked file that a restored server serves, sign-off included', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.dispose());
    // Every write stays in the WAL, as between two checkpoints: a copy of the database file alone would miss them.
    server.db.pragma('wal_autocheckpoint = 0');
    const backupDir = makeDataDir();
    cleanups.push(() => rmSync(backupDir, { recursive: true, force: true }));

    const draftId = await server.createDraftAs('editor', 'Harbour bridge reopens');
    const writer = connectClient(server.collabUrl, draftId, { token: await server.tokenFor('editor') });
    cleanups.push(() => writer.destroy());
    await writer.waitSynced();
    typeInto(writer.doc, 'The bridge reopened at dawn.');
    await waitFor(async () => (await exportMarkdown(server, draftId)).includes('reopened at dawn'), 'the sentence to be stored');
    const signed = await fetch(`${server.url}/api/docs/${draftId}/signoffs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.authHeaders('chief')) },
      body: JSON.stringify({ note: 'Cleared.' }),
    });
    expect(signed.status).toBe(201);
    const { signoff } = (await signed.json()) as { signoff: { id: string; hash: string } };

    // The writer keeps typing while the copy is taken: a bounded stream of keystrokes.
    let isCopying = true;
    const typing = (async () => {
      for (let i = 0; i < 400 && isCopying; i++) {
        typeInto(writer.doc, i % 10 === 9 ? ' ' : 'x');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const target = path.join(backupDir, 'copydesk-backup.sqlite');
    const made = await backup(server.dataDir, [target]);
    isCopying = false;
    await typing;
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(/^Backed up 1 draft, 1 sign-off, 4 accounts and \d+ activity entries to .+copydesk-backup\.sqlite \(\d+ KiB, \d+ ms\)\.\n$/);
    // One file, nothing half-written beside it.
    expect(readdirSync(backupDir)).toEqual(['copydesk-backup.sqlite']);
    // Checked again later, before a restore: read, not changed.
    const bytes = readFileSync(target);
    const checked = await backup(server.dataDir, ['--check', target]);
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    expect(checked.stdout).toMatch(/^.+copydesk-backup\.sqlite is a whole backup of 1 draft, 1 sign-off, 4 accounts and \d+ activity entries \(\d+ KiB\)\.\n$/);
    expect(readFileSync(target).equals(bytes)).toBe(true);

    // Restored: a server started on the copy serves the draft and its sign-off.
    const restoredDir = makeDataDir();
    copyFileSync(target, path.join(restoredDir, 'copydesk.sqlite'));
    const restored = await startTestServer({ dataDir: restoredDir });
    cleanups.push(() => restored.dispose());
    expect(await exportMarkdown(restored, draftId)).toContain('The bridge reopened at dawn');
    const signoffs = await fetch(`${restored.url}/api/docs/${draftId}/signoffs`, { headers: await restored.authHeaders('chief') });
    expect(((await signoffs.json()) as { signoffs: Array<{ id: string; hash: string }> }).signoffs).toMatchObject([{ id: signoff.id, hash: signoff.hash }]);
    const chain = await fetch(`${restored.url}/api/docs/${draftId}/activity/verify`, { headers: await restored.authHeaders('chief') });
    expect(await chain.json()).toMatchObject({ ok: true });
  }, 90_000);

  it('refuses, with a reason and nothing written, a file that exists, a DATA_DIR with no database, Postgres, and a missing FILE; --check tells a backup from other files', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.dispose());
    const backupDir = makeDataDir();
    cleanups.push(() => rmSync(backupDir, { recursive: true, force: true }));

    const existing = path.join(backupDir, 'yesterday.sqlite');
    writeFileSync(existing, 'yesterday’s backup');
    const overwrite = await backup(server.dataDir, [existing]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/yesterday\.sqlite already exists; back up to a new file/);
    expect(readFileSync(existing, 'utf8')).toBe('yesterday’s backup');
    const notABackup = await backup(server.dataDir, ['--check', existing]);
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toMatch(/yesterday\.sqlite is not a whole Copydesk database: file is not a database/);
    const otherDatabase = path.join(backupDir, 'other.sqlite');
    new Database(otherDatabase).exec('CREATE TABLE notes (text TEXT)').close();
    const notCopydesk = await backup(server.dataDir, ['--check', otherDatabase]);
    expect(notCopydesk.code).toBe(1);
    expect(notCopydesk.stderr).toMatch(/other\.sqlite is not a whole Copydesk database: no such table: drafts/);
    rmSync(otherDatabase);

    const nowhere = await backup(path.join(backupDir, 'no-data-here'), [path.join(backupDir, 'new.sqlite')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/there is no database at .+no-data-here.copydesk\.sqlite; is DATA_DIR right\?/);

    const postgres = await backup(server.dataDir, [path.join(backupDir, 'new.sqlite')], { DATABASE_URL: 'postgres://127.0.0.1/test' });
    expect(postgres.code).toBe(78);
    expect(postgres.stderr).toMatch(/pg_dump/);

    const bare = await backup(server.dataDir, []);
    expect(bare.code).toBe(64);
    expect(bare.stderr).toMatch(/^Usage: npm run backup -- FILE/);

    // A folder that is not there: SQLite's reason, and no partial file left behind.
    const unwritable = await backup(server.dataDir, [path.join(backupDir, 'missing', 'new.sqlite')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^the backup failed: /);
    expect(existsSync(path.join(backupDir, 'missing'))).toBe(false);
    expect(readdirSync(backupDir).sort()).toEqual(['yesterday.sqlite']);
    expect(statSync(existing).size).toBeGreaterThan(0);
  }, 90_000);
});
