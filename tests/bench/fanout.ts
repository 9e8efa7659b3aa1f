import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import net from 'node:net';
import { createTestDatabase } from '../support/postgresDatabase.ts';
import { BUILT_SERVER } from '../support/serverProcess.ts';
import { tokenInDataDir } from '../support/testServer.ts';
import { connectRaw, rawTarget } from './rawClient.ts';
import { readServerStalls, watchGeneratorLoop, type ServerStalls } from './stalls.ts';

/**
 * Fan-out latency: D drafts x C clients, W of them typing a two-character
 * marker at R per second through the server's own provider, the others raw
 * readers. Latency is from a writer's keystroke to its arrival at every other
 * client of that draft. The server runs in its own process pinned to core 0;
 * this load generator should run on core 1.
 */
export interface FanoutOptions {
  drafts: number;
  clientsPerDraft: number;
  writersPerDraft: number;
  ratePerSecond: number;
  seconds: number;
  env?: Record<string, string>;
  /** Extra arguments for the server's node (e.g. --cpu-prof to profile it). */
  nodeArgs?: string[];
  /** Which server takes the load: Copydesk (default) or a reference peer. */
  target?: 'copydesk' | 'reference' | 'hocuspocus';
  /**
   * When given: that many instances sharing Postgres and Redis (all pinned to
   * core 0, so they share the CPU one instance would have), each draft's
   * clients spread over them. Absent: one instance on SQLite.
   */
  instances?: number;
}

export interface FanoutResult {
  delivered: number;
  deliveredPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuMsPerSecond: number;
  serverCpuUsPerDelivery: number;
  /** The part of it spent in the kernel (sockets, disk): the same work for every server, whatever its code. */
  serverKernelUsPerDelivery: number;
  peakRssMiB: number;
  /** The load generator's own CPU use; near 1000 it is the bottleneck and latencies overstate the server's. */
  generatorCpuMsPerSecond: number;
  /** Copydesk only (from its /metrics): the longest its event loop was blocked, and write batches over 50 ms, worst instance. */
  serverStalls?: ServerStalls;
  /** The longest the generator's own event loop was blocked: arrivals it read that late are late by that much. */
  generatorLoopLagMaxMs: number;
}

const CLK_TCK = 100;

/** A process's CPU time so far (user + kernel), in ms. */
export const readCpuMs = (pid: number): number => readCpuSplitMs(pid).total;

/** A process's CPU time so far in ms, in all and in the kernel, from /proc. */
export function readCpuSplitMs(pid: number): { total: number; kernel: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const kernel = (Number(fields[12]) * 1000) / CLK_TCK;
  return { total: (Number(fields[11]) * 1000) / CLK_TCK + kernel, kernel };
}

export function readRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/**
 * Each keystroke types a two-character marker from Unicode's private use area
 * (U+E000–U+F8FF): its code, unique among the last 6,400² keystrokes. The
 * marker's UTF-8 bytes appear as they are in the update every server relays.
 */
const PRIVATE_USE_START = 0xe000;
const PRIVATE_USE_SIZE = 6400;
const MARKER_CODES = PRIVATE_USE_SIZE * PRIVATE_USE_SIZE;

const markerOf = (code: number) =>
  String.fromCharCode(PRIVATE_USE_START + Math.floor(code / PRIVATE_USE_SIZE), PRIVATE_USE_START + (code % PRIVATE_USE_SIZE));

/** The private-use character whose UTF-8 starts at `i`, as an offset from U+E000; -1 when there is none. */
function privateUseAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if ((b0 !== 0xee && b0 !== 0xef) || i + 2 >= bytes.length) return -1;
  const b1 = bytes[i + 1]!;
  const b2 = bytes[i + 2]!;
  if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return -1;
  const offset = (((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)) - PRIVATE_USE_START;
  return offset >= 0 && offset < PRIVATE_USE_SIZE ? offset : -1;
}

/** Calls `found` with the code of every marker in `bytes`. */
export function forEachMarker(bytes: Uint8Array, found: (code: number) => void): void {
  for (let i = 0; i + 5 < bytes.length; i++) {
    const high = privateUseAt(bytes, i);
    if (high < 0) continue;
    const low = privateUseAt(bytes, i + 3);
    if (low < 0) continue;
    found(high * PRIVATE_USE_SIZE + low);
    i += 5;
  }
}


export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export interface BenchServer {
  child: ReturnType<typeof spawn>;
  port: number;
}

/** Starts a server process pinned to core 0 and resolves once it says which port it listens on. */
export async function spawnPinned(args: string[], env: Record<string, string>, portPattern: RegExp): Promise<BenchServer> {
  const child = spawn('taskset', ['-c', '0', process.execPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = portPattern.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error('server exited')));
  });
  return { child, port };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Copydesk as `npm start` runs it: the server compiled by `npm run build`, on Node alone. */
export const spawnBenchServer = (env: Record<string, string>, nodeArgs: string[]) =>
  spawnPinned(
    [...nodeArgs, BUILT_SERVER],
    { PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...env },
    /"port":(\d+)/,
  );

/** The y-websocket reference server with its LevelDB persistence on. */
export async function spawnReferenceServer(dataDir: string): Promise<BenchServer> {
  const port = await freePort();
  return spawnPinned(
    [path.resolve('node_modules/@y/websocket-server/src/server.js')],
    { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: path.join(dataDir, 'leveldb') },
    /running at '[^']*' on port (\d+)/,
  );
}

export const spawnHocuspocus = (dataDir: string) =>
  spawnPinned(
    [path.resolve('tests/bench/peers/hocuspocusServer.mjs')],
    { PORT: '0', HOCUSPOCUS_DATABASE: path.join(dataDir, 'hocuspocus.sqlite') },
    /"port":(\d+)/,
  );

/** A client of any of the servers, as their own provider connects it. */
export interface BenchClient {
  destroy: () => void;
  whenSynced: Promise<void>;
}

export function connectBenchClient(
  target: NonNullable<FanoutOptions['target']>,
  port: number,
  draftId: string,
  doc: Y.Doc,
  token: string,
): BenchClient {
  if (target === 'hocuspocus') {
    // In Node the socket needs the ws package, given through its own websocket provider.
    const websocketProvider = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ name: draftId, document: doc, websocketProvider });
    // A provider given its own websocket provider is not attached to it until told.
    provider.attach();
    return {
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
      whenSynced: new Promise((resolve) => (provider.isSynced ? resolve() : provider.on('synced', () => resolve()))),
    };
  }
  const provider = new WebsocketProvider(
    target === 'copydesk' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    draftId,
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: target === 'copydesk' ? { token } : {},
    },
  );
  return {
    destroy: () => provider.destroy(),
    whenSynced: new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))),
  };
}

export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  // Each y-websocket provider in Node listens for the process's exit; hundreds of writers are expected here.
  process.setMaxListeners(0);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  const instanceCount = options.instances ?? 1;
  let token: string;
  let sharedEnv: Record<string, string> = {};
  let dropDatabase = async () => {};
  if (options.instances !== undefined) {
    const database = await createTestDatabase();
    token = await database.tokenFor('editor');
    sharedEnv = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
    dropDatabase = database.drop;
  } else {
    // Accounts first, so the server creates no demo accounts and the load generator has a token.
    token = await tokenInDataDir(dataDir, 'editor');
  }
  const target = options.target ?? 'copydesk';
  const servers: BenchServer[] = [];
  if (target === 'reference') servers.push(await spawnReferenceServer(dataDir));
  else if (target === 'hocuspocus') servers.push(await spawnHocuspocus(dataDir));
  else {
    for (let i = 0; i < instanceCount; i++) {
      servers.push(await spawnBenchServer({ DATA_DIR: dataDir, ...sharedEnv, ...options.env }, options.nodeArgs ?? []));
    }
  }
  const base = `http://127.0.0.1:${servers[0]!.port}`;
  const providers: BenchClient[] = [];
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  const readers: WebSocket[] = [];
  let nextCode = 0;
  let measuring = false;
  try {
    const draftIds: string[] = [];
    for (let d = 0; d < options.drafts; d++) {
      if (target !== 'copydesk') {
        // The peers make a document on first use.
        draftIds.push(`bench-draft-${d}`);
        continue;
      }
      const res = await fetch(`${base}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      draftIds.push(((await res.json()) as { draft: { id: string } }).draft.id);
    }
    // Writers are the servers' own providers; every other client is a raw
    // reader (rawClient.ts) that finds the keystrokes' markers in the bytes it
    // receives, so the generator spends next to nothing per delivery.
    const writers: Array<{ doc: Y.Doc; text: Y.XmlText }> = [];
    const record = (bytes: Uint8Array) => {
      if (!measuring) return;
      const now = performance.now();
      forEachMarker(bytes, (code) => {
        const at = sentAt.get(code);
        if (at !== undefined) latencies.push(now - at);
      });
    };
    for (const draftId of draftIds) {
      for (let c = 0; c < options.clientsPerDraft; c++) {
        const server = servers[c % servers.length]!;
        if (c < options.writersPerDraft) {
          const doc = new Y.Doc();
          providers.push(connectBenchClient(target, server.port, draftId, doc, token));
          // Local edits have no origin; everything else came over the wire.
          doc.on('update', (update: Uint8Array, origin: unknown) => origin !== null && record(update));
          writers.push({ doc, text: null as unknown as Y.XmlText });
        } else {
          readers.push(await connectRaw(rawTarget(target, server.port, draftId, token), record));
        }
      }
    }
    await Promise.all(providers.map((p) => p.whenSynced));
    // Each writer types into its own paragraph so edits never conflict.
    for (const writer of writers) {
      const paragraph = new Y.XmlElement('paragraph');
      writer.text = new Y.XmlText();
      paragraph.insert(0, [writer.text]);
      writer.doc.getXmlFragment('body').push([paragraph]);
    }
    await new Promise((r) => setTimeout(r, 1000));

    const cpuOfServers = () =>
      servers.reduce(
        (sum, server) => {
          const split = readCpuSplitMs(server.child.pid!);
          return { total: sum.total + split.total, kernel: sum.kernel + split.kernel };
        },
        { total: 0, kernel: 0 },
      );
    const rssOfServers = () => servers.reduce((sum, server) => sum + readRssMiB(server.child.pid!), 0);
    // Per instance; the loop-lag monitor restarts at each scrape, the write counts are cumulative.
    const stallsOfServers = (): Promise<ServerStalls[]> | undefined =>
      target === 'copydesk' ? Promise.all(servers.map((server) => readServerStalls(server.port))) : undefined;
    const stallsStart = await stallsOfServers();
    const generatorLoop = watchGeneratorLoop();
    const cpuStart = cpuOfServers();
    const generatorStart = process.cpuUsage();
    let peakRss = rssOfServers();
    const started = performance.now();
    measuring = true;
    const intervalMs = 1000 / options.ratePerSecond;
    const timers = writers.map((writer, i) =>
      setTimeout(() => {
        const tick = setInterval(() => {
          const code = nextCode++ % MARKER_CODES;
          sentAt.set(code, performance.now());
          writer.text.insert(writer.text.length, markerOf(code));
        }, intervalMs);
        timers[i] = tick;
      }, (i * intervalMs) / writers.length),
    );
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOfServers())), 250);
    await new Promise((r) => setTimeout(r, options.seconds * 1000));
    for (const t of timers) clearInterval(t as NodeJS.Timeout);
    await new Promise((r) => setTimeout(r, 500));
    measuring = false;
    clearInterval(rssTimer);
    const elapsed = (performance.now() - started) / 1000;
    const cpuEnd = cpuOfServers();
    const cpuMs = cpuEnd.total - cpuStart.total;
    const kernelMs = cpuEnd.kernel - cpuStart.kernel;
    const generator = process.cpuUsage(generatorStart);
    const generatorLoopLagMaxMs = generatorLoop.stop();
    const stallsEnd = await stallsOfServers();
    latencies.sort((a, b) => a - b);
    return {
      delivered: latencies.length,
      deliveredPerSecond: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      serverCpuMsPerSecond: cpuMs / elapsed,
      serverCpuUsPerDelivery: (cpuMs * 1000) / Math.max(1, latencies.length),
      serverKernelUsPerDelivery: (kernelMs * 1000) / Math.max(1, latencies.length),
      peakRssMiB: peakRss,
      generatorCpuMsPerSecond: (generator.user + generator.system) / 1000 / elapsed,
      ...(stallsStart && stallsEnd
        ? {
            serverStalls: {
              loopLagMaxMs: Math.max(...stallsEnd.map((end) => end.loopLagMaxMs)),
              writeBatchesOver50Ms: Math.max(...stallsEnd.map((end, i) => end.writeBatchesOver50Ms - stallsStart[i]!.writeBatchesOver50Ms)),
            },
          }
        : {}),
      generatorLoopLagMaxMs,
    };
  } finally {
    for (const p of providers) p.destroy();
    for (const reader of readers) reader.terminate();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
