import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { waitFor } from './waitFor.ts';

/** Why a private Redis cannot run here, or undefined. In CI a missing redis-server is a failure. */
export function redisUnavailableReason(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const reason = 'redis-server is not installed';
  if (process.env.CI === 'true') throw new Error(`scale-out tests must run in CI: ${reason}`);
  console.warn(`skipping scale-out tests: ${reason}`);
  return reason;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** Stops it the hard way (as a crash would). */
  kill: () => Promise<void>;
  /** Starts it again on the same port, empty (it keeps nothing on disk). */
  restart: () => Promise<void>;
}

/**
 * A Redis of the test's own on 127.0.0.1 and a free port, so a test can stop
 * and restart it without touching the machine's shared one.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitFor(
      () =>
        new Promise<boolean>((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () => {
            socket.end();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        }),
      'redis-server to listen',
    );
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, restart: start };
}
