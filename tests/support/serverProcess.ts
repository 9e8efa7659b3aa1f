import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  collabUrl: string;
  /** Resolves with the exit code (or signal) once the process has gone. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** The server as `npm start` runs it: compiled by `npm run build`. */
export const BUILT_SERVER = path.resolve('dist/server/entry.js');

/**
 * Runs the real server as its own process, so a test can kill it with SIGKILL
 * or SIGTERM: from its TypeScript source by default, or the build `npm start`
 * runs (`{ built: true }`). Resolves once it listens; its port is read from
 * its structured "ready" log line.
 */
export async function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  options: { built?: boolean } = {},
): Promise<ServerProcess> {
  if (options.built && !existsSync(BUILT_SERVER)) {
    // `npm test` builds first; a lone run of one test file builds here.
    execFileSync(process.execPath, [path.resolve('scripts/buildServer.mjs')], { stdio: 'ignore' });
  }
  const entry = options.built ? [BUILT_SERVER] : ['--import', 'tsx', path.resolve('server/main.ts')];
  const child = spawn(process.execPath, entry, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      // A developer's shell may point these at real services: a test says what it wants.
      DATABASE_URL: '',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 30_000);
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (typeof entry.port === 'number' && entry.msg?.includes('ready')) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        // Not a log line; ignore.
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening\n${stderr}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return { child, port, url, collabUrl: `ws://127.0.0.1:${port}/collab`, exited };
}
