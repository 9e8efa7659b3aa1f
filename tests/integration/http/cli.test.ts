import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActivityList, FlagList, InboxList } from '../../../shared/api/annotationAnswers.ts';
import type { DraftSummary } from '../../../shared/api/drafts.ts';
import { verifyPassword } from '../../../server/auth/passwords.ts';
import { openSqliteDatabase } from '../../../server/storage/sqlite/openSqliteDatabase.ts';
import { SqliteAccountStore } from '../../../server/storage/sqlite/SqliteAccountStore.ts';
import { makeDataDir, signIn } from '../../support/testServer.ts';

const run = promisify(execFile);

/** Environment for child processes, without settings of the parent that would change their behaviour. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['SESSION_SECRET', 'DEMO_PASSWORD', 'NODE_ENV', 'PORT', 'DATA_DIR', 'ALLOWED_ORIGINS']) delete env[name];
  return { ...env, ...extra };
}

/** Runs `npm run user -- …` (as node directly) on `dataDir`; resolves to its output and exit code. */
async function user(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.resolve('scripts/user.ts'), ...args], {
      env: childEnv({ DATA_DIR: dataDir }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Reads the accounts in `dataDir` through a connection of the test's own. */
async function withAccounts<T>(dataDir: string, read: (accounts: SqliteAccountStore) => Promise<T>): Promise<T> {
  const db = openSqliteDatabase(path.join(dataDir, 'copydesk.sqlite'));
  try {
    return await read(new SqliteAccountStore(db));
  } finally {
    db.close();
  }
}

interface StartedMain {
  url: string;
  stdout: string[];
  stop: () => Promise<void>;
}

/** Runs server/main.ts; resolves with its output once its JSON "ready" line names the port. */
function startMain(dataDir: string, env: Record<string, string> = {}): Promise<StartedMain> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stdout: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (typeof entry.port === 'number' && entry.msg?.includes('ready')) {
          resolve({
            url: `http://127.0.0.1:${entry.port}`,
            stdout,
            stop: async () => {
              child.kill('SIGTERM');
              await exited;
            },
          });
        }
      } catch {
        // The banner and other plain lines.
      }
    });
    void exited.then(() => reject(new Error(`server exited before listening\n${stderr}`)));
  });
}

// Each test works in its own data folder, so they run side by side (child processes dominate the time).
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const newDir = () => {
  const dir = makeDataDir();
  dirs.push(dir);
  return dir;
};

// Each test starts the CLI up to six times; alongside the rest of the suite on two cores that can pass 30 s.
describe.concurrent('npm run user', { timeout: 90_000 }, () => {

  it('adds an account with a generated password, changes its role, disables it, resets its password, lists it', async () => {
    const dataDir = newDir();
    const added = await user(dataDir, 'add', 'Rita', '--role', 'legal', '--name', 'Rita Reporter');
    expect(added.code).toBe(0);
    const generated = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1];
    expect(generated).toBeDefined();
    let account = await withAccounts(dataDir, (a) => a.findAccountByUsername('rita'));
    expect(account).toMatchObject({ username: 'rita', displayName: 'Rita Reporter', role: 'legal', disabled: false });
    expect(await verifyPassword(generated!, account!.passwordHash)).toBe(true);

    expect((await user(dataDir, 'role', 'rita', 'chief')).code).toBe(0);
    expect((await user(dataDir, 'disable', 'rita')).code).toBe(0);
    account = await withAccounts(dataDir, (a) => a.findAccountByUsername('rita'));
    expect(account).toMatchObject({ role: 'chief', disabled: true });

    const reset = await user(dataDir, 'password', 'rita', '--password', 'a chosen password');
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain('a chosen password');
    account = await withAccounts(dataDir, (a) => a.findAccountByUsername('rita'));
    expect(await verifyPassword('a chosen password', account!.passwordHash)).toBe(true);

    const list = await user(dataDir, 'list');
    expect(list.stdout).toMatch(/rita\s+chief\s+disabled\s+\S+\s+Rita Reporter/);
    expect(list.stdout).not.toContain('scrypt');
  });

  it('refuses a taken username, a bad role, an unknown account and unknown commands, with a non-zero exit', async () => {
    const dataDir = newDir();
    expect((await user(dataDir, 'add', 'sam', '--role', 'editor', '--password', 'sam password 1')).code).toBe(0);
    const taken = await user(dataDir, 'add', 'sam', '--role', 'legal');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/taken/);
    const [badRole, nobody, unknown] = await Promise.all([
      user(dataDir, 'add', 'kim', '--role', 'owner'),
      user(dataDir, 'disable', 'nobody'),
      user(dataDir, 'frobnicate'),
    ]);
    expect(badRole.code).toBe(64);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no account/);
    expect(unknown.code).toBe(64);
  });

  it('will not disable or demote the last enabled admin', async () => {
    const dataDir = newDir();
    await user(dataDir, 'add', 'boss', '--role', 'admin', '--password', 'boss password 1');
    const refused = await user(dataDir, 'disable', 'boss');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no enabled admin/);
  });
});

// Each test starts the server from source (tsx compiles it) once or twice, several at a time: alone
// 13–15 s, and in a clean-clone CI run one went past 30 s.
describe.concurrent('server start-up and accounts', { timeout: 90_000 }, () => {

  it('refuses to start in production without SESSION_SECRET, naming it', async () => {
    const dataDir = newDir();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.resolve('server/main.ts')],
        { env: childEnv({ NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir }) },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('SESSION_SECRET');
  });

  it('creates no demo accounts in production', async () => {
    const dataDir = newDir();
    const main = await startMain(dataDir, { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(48) });
    await main.stop();
    expect(main.stdout.join('\n')).not.toContain('demo accounts');
    expect(await withAccounts(dataDir, (a) => a.countAccounts())).toBe(0);
    expect(existsSync(path.join(dataDir, 'session-secret'))).toBe(false);
  });

  it('on a first start with demo content, the demo story arrives flagged the way a desk would have left it', async () => {
    const dataDir = newDir();
    const main = await startMain(dataDir, { SEED_DEMO: 'true', DEMO_PASSWORD: 'demo-password-for-cli' });
    try {
      const cookie = await signIn(main.url, 'editor', 'demo-password-for-cli');
      const get = async <T,>(route: string) => {
        const res = await fetch(`${main.url}${route}`, { headers: { cookie } });
        expect(res.status, route).toBe(200);
        return (await res.json()) as T;
      };
      const { drafts } = await get<{ drafts: DraftSummary[] }>('/api/docs');
      expect(drafts).toHaveLength(1);
      const draftId = drafts[0]!.id;

      const { flags } = await get<FlagList>(`/api/docs/${draftId}/annotations`);
      // Document order; each flag covers the very words it was raised on, in the live copy.
      expect(flags.map((f) => [f.kind, f.createdBy.name, f.currentText])).toEqual([
        ['claim', 'Eddie Editor', 'raises council tax by 3.9 per cent'],
        ['legal-risk', 'Lena Legal', 'accused the council’s highways contractor, Dalby Surfacing, of billing twice for the same repairs on Quarry Lane'],
        ['claim', 'Eddie Editor', 'moves £640,000 from the highways reserve'],
        ['source-needed', 'Chris Chief', 'Opposition councillors called the move short-sighted'],
      ]);
      for (const flag of flags) expect(flag).toMatchObject({ status: 'open', isTextRemoved: false, quote: flag.currentText });
      const [taxClaim, legal, reserveClaim, source] = flags;
      expect(taxClaim!.claim).toEqual({ verification: 'unverified' });
      expect(reserveClaim!.claim).toMatchObject({ verification: 'verified', verifiedBy: { name: 'Eddie Editor' } });
      expect(legal!.legal).toEqual({ category: 'defamation', severity: 'high' });
      expect(legal!.comments.map((c) => c.author.name)).toEqual(['Lena Legal', 'Eddie Editor']);
      expect(source!.assignee?.name).toBe('Eddie Editor');

      // Raised through the same commands people use: logged and notified like any other flag.
      const inbox = await get<InboxList>('/api/inbox');
      expect(inbox.items.map((item) => [item.kind, item.by.name, item.flagId]).sort()).toEqual(
        [
          ['assignment', 'Chris Chief', source!.id],
          ['mention', 'Lena Legal', legal!.id],
        ].sort(),
      );
      const { entries } = await get<ActivityList>(`/api/docs/${draftId}/activity`);
      expect(entries.filter((e) => e.action === 'created').map((e) => e.flagId).sort()).toEqual(flags.map((f) => f.id).sort());
    } finally {
      await main.stop();
    }
  });

  it('on a first start prints a banner with one generated password per demo account; sessions survive a restart', async () => {
    const dataDir = newDir();
    let main = await startMain(dataDir);
    const output = main.stdout.join('\n');
    expect(output).toMatch(/\+-+\+/);
    const passwords = Object.fromEntries(
      [...output.matchAll(/^\| (editor|legal|chief|admin)\s+\S+\s+.+?\s+(\S{5}-\S{5}-\S{5}-\S{5})\s+\|$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(passwords).sort()).toEqual(['admin', 'chief', 'editor', 'legal']);
    expect(new Set(Object.values(passwords)).size).toBe(4);
    // The JSON log carries no password.
    for (const line of main.stdout.filter((l) => l.startsWith('{'))) {
      for (const password of Object.values(passwords)) expect(line).not.toContain(password);
    }
    const secretFile = path.join(dataDir, 'session-secret');
    expect(statSync(secretFile).mode & 0o077).toBe(0);
    const secret = readFileSync(secretFile, 'utf8');

    const cookie = await signIn(main.url, 'legal', passwords.legal!);
    await main.stop();

    main = await startMain(dataDir);
    try {
      expect(main.stdout.join('\n')).not.toContain('demo accounts');
      expect(readFileSync(secretFile, 'utf8')).toBe(secret);
      const me = await fetch(`${main.url}/api/session`, { headers: { cookie } });
      expect(me.status).toBe(200);
    } finally {
      await main.stop();
    }
  });
});
