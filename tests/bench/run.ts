import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { runFanout, type FanoutOptions } from './fanout.ts';
import { LATER_COLD_STARTS, runColdLoad, type ColdLoadOptions } from './coldLoad.ts';
import { runIdleConnections, type IdleOptions } from './idleConnections.ts';
import { runWritePath, type WritePathOptions } from './writePath.ts';
import { runHotPath } from './hotPath.ts';
import { runSaturation } from './saturation.ts';
import { editorBenchMarkdown, runEditorBench } from './editor.ts';
import { BenchTable, writeLatestRun } from './report.ts';

/**
 * `npm run bench [-- --quick] [-- --only=fanout,cold-load,idle,write-path,hot-path,editor,saturation]`:
 * load scenarios over loopback, the servers pinned to core 0 and this load
 * generator to core 1. Prints one Markdown table per scenario, each server's
 * figures with their ratio to the best peer, and writes them, with the
 * versions and the command, into docs/PERFORMANCE.md ("Latest" section;
 * not for --quick).
 * Without --only every scenario but saturation runs (saturation steps the
 * fan-out load up and takes minutes: ask for it by name).
 */
const quick = process.argv.includes('--quick');
// Always the server as the working tree has it, compiled the way `npm start` compiles it.
execFileSync(process.execPath, [path.resolve('scripts/buildServer.mjs')], { stdio: 'inherit' });
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (name: string) => (only ? only.has(name) : name !== 'saturation');

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '-');

const tables: string[] = [];
let scenarioStarted = performance.now();
const publish = (markdown: string) => {
  console.log(`\n${markdown}\n(${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s)`);
  tables.push(markdown);
  scenarioStarted = performance.now();
};

const COPYDESK = 'Copydesk';
const REFERENCE = 'reference y-websocket + LevelDB';
const HOCUSPOCUS = 'Hocuspocus + SQLite';

if (wanted('fanout')) {
  const base = { clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5, seconds: quick ? 3 : 20 };
  const d = quick ? 20 : 50;
  const scenarios: Array<{ name: string; peer?: boolean; options: FanoutOptions }> = [
    { name: `${COPYDESK}, SQLite FULL`, options: { ...base, drafts: d } },
    { name: REFERENCE, peer: true, options: { ...base, drafts: d, target: 'reference' } },
    { name: HOCUSPOCUS, peer: true, options: { ...base, drafts: d, target: 'hocuspocus' } },
    ...(quick
      ? []
      : [
          { name: `${COPYDESK}, SQLite NORMAL`, options: { ...base, drafts: d, env: { SQLITE_SYNCHRONOUS: 'NORMAL' } } },
          { name: `${COPYDESK}, SQLite FULL`, options: { ...base, drafts: 200 } },
          { name: REFERENCE, peer: true, options: { ...base, drafts: 200, target: 'reference' as const } },
          { name: HOCUSPOCUS, peer: true, options: { ...base, drafts: 200, target: 'hocuspocus' as const } },
          { name: `${COPYDESK}, Postgres + Redis, 1 instance`, options: { ...base, drafts: d, instances: 1 } },
          { name: `${COPYDESK}, Postgres + Redis, 2 instances on the one core`, options: { ...base, drafts: d, instances: 2 } },
        ]),
  ];
  const table = new BenchTable(
    `### Fan-out (scenario 1): D drafts × C=10 clients, W=2 writers each typing R=5 chars/s, ${base.seconds} s; latency keystroke → every other client`,
    [
      { key: 'd', title: 'D', digits: 0 },
      { key: 'rate', title: 'delivered/s', digits: 0 },
      { key: 'p50', title: 'p50 ms', better: 'lower' },
      { key: 'p95', title: 'p95 ms' },
      { key: 'p99', title: 'p99 ms', better: 'lower' },
      { key: 'max', title: 'max ms' },
      { key: 'cpu', title: 'server CPU µs/delivery', better: 'lower' },
      { key: 'kernel', title: 'of which kernel µs' },
      { key: 'rss', title: 'peak RSS MiB', digits: 0, better: 'lower' },
      { key: 'gen', title: 'generator CPU ms/s', digits: 0 },
      { key: 'serverLag', title: 'server loop blocked, max ms' },
      { key: 'slowWrites', title: 'writes > 50 ms', digits: 0 },
      { key: 'genLag', title: 'generator loop blocked, max ms' },
    ],
  );
  for (const { name, peer, options } of scenarios) {
    const group = `D=${options.drafts}`;
    try {
      const r = await runFanout(options);
      table.add(name, { peer, group }, {
        d: options.drafts,
        rate: r.deliveredPerSecond,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        max: r.max,
        cpu: r.serverCpuUsPerDelivery,
        kernel: r.serverKernelUsPerDelivery,
        rss: r.peakRssMiB,
        gen: r.generatorCpuMsPerSecond,
        serverLag: r.serverStalls?.loopLagMaxMs,
        slowWrites: r.serverStalls?.writeBatchesOver50Ms,
        genLag: r.generatorLoopLagMaxMs,
      });
    } catch (error) {
      table.addFailure(name, group, (error as Error).message);
    }
  }
  publish(table.toMarkdown());
}

if (wanted('cold-load')) {
  const edits = quick ? 2000 : 20000;
  const targets: Array<{ name: string; peer?: boolean; target: ColdLoadOptions['target'] }> = [
    { name: `${COPYDESK}, SQLite`, target: 'copydesk' },
    { name: REFERENCE, peer: true, target: 'reference' },
    { name: HOCUSPOCUS, peer: true, target: 'hocuspocus' },
  ];
  const table = new BenchTable(
    `### Cold load and burst (scenario 4): a draft of ${edits.toLocaleString('en')} edits × 5 chars; restart; one new client until it holds the last edit`,
    [
      { key: 'stage', title: 'stored as' },
      { key: 'sync', title: 'sync ms', digits: 0, better: 'lower' },
      { key: 'later', title: `sync ms, next ${LATER_COLD_STARTS} restarts (median)`, digits: 0, better: 'lower' },
      { key: 'said', title: 'said synced ms', digits: 0 },
      { key: 'bytes', title: 'stored bytes', digits: 0, better: 'lower' },
      { key: 'burst', title: 'burst relayed ms', digits: 0, better: 'lower' },
      { key: 'burstCpu', title: 'burst server CPU ms', digits: 0, better: 'lower' },
    ],
  );
  for (const { name, peer, target } of targets) {
    try {
      for (const row of await runColdLoad({ target, edits, charsPerEdit: 5, uncompactedEdits: edits })) {
        // Each row is compared with the peers' (one row each: their draft as they stored the burst).
        table.add(name, { peer, group: 'draft' }, {
          stage: row.stage,
          sync: row.syncMs,
          later: row.laterSyncMs,
          said: row.saidSyncedMs,
          bytes: row.storedBytes,
          burst: row.burstMs,
          burstCpu: row.burstCpuMs,
        });
      }
    } catch (error) {
      table.addFailure(name, 'draft', (error as Error).message);
    }
  }
  publish(table.toMarkdown());
}

if (wanted('idle')) {
  const counts = quick ? [1000] : [1000, 5000, 10000];
  const drafts = quick ? 200 : 1000;
  const targets = [
    { name: COPYDESK, target: 'copydesk' as const },
    { name: REFERENCE, peer: true, target: 'reference' as const },
    { name: 'Hocuspocus', peer: true, target: 'hocuspocus' as const },
  ];
  const table = new BenchTable(
    `### Idle connections (scenario 3): raw sockets over ${drafts.toLocaleString('en')} drafts, sync step 1 → step 2, then idle; server RSS over its idle baseline`,
    [
      { key: 'n', title: 'connections', digits: 0 },
      { key: 'synced', title: 'synced', digits: 0 },
      { key: 'ms', title: 'all synced ms', digits: 0, better: 'lower' },
      { key: 'base', title: 'baseline RSS MiB', digits: 0 },
      { key: 'final', title: 'final RSS MiB', digits: 0 },
      { key: 'draft', title: 'KiB/draft', better: 'lower' },
      { key: 'conn', title: 'KiB/connection', better: 'lower' },
      { key: 'extra', title: 'KiB/extra connection', better: 'lower' },
    ],
  );
  for (const connections of counts) {
    for (const { name, peer, target } of targets) {
      const options: IdleOptions = { target, drafts, connections, samples: quick ? 2 : 6 };
      const group = `N=${connections}`;
      try {
        const r = await runIdleConnections(options);
        table.add(name, { peer, group }, {
          n: connections,
          synced: r.synced,
          ms: r.allSyncedMs,
          base: r.baselineRssMiB,
          final: r.finalRssMiB,
          draft: r.kibPerDraft,
          conn: r.kibPerConnection,
          extra: r.kibPerExtraConnection,
        });
      } catch (error) {
        table.addFailure(name, group, (error as Error).message);
      }
    }
  }
  publish(table.toMarkdown());
}

if (wanted('write-path')) {
  const seconds = quick ? 1 : 5;
  const runs: WritePathOptions[] = (['sqlite-full', 'sqlite-normal', 'postgres'] as const).flatMap((backend) =>
    (quick ? [1, 200] : [1, 20, 200]).map((batchSize) => ({ backend, batchSize, drafts: 50, seconds })),
  );
  const table = new BenchTable(
    `### Write path (scenario 5): DocumentStore.appendUpdates, one batch after another, keystroke-sized updates over 50 drafts, ${seconds} s per row (no peer stores before relaying)`,
    [
      { key: 'batch', title: 'batch', digits: 0 },
      { key: 'batches', title: 'batches', digits: 0 },
      { key: 'rate', title: 'updates/s', digits: 0 },
      { key: 'p50', title: 'batch p50 ms', digits: 2 },
      { key: 'p99', title: 'batch p99 ms', digits: 2 },
      { key: 'max', title: 'batch max ms', digits: 2 },
    ],
  );
  for (const options of runs) {
    const r = await runWritePath(options);
    if (!r) {
      table.addFailure(options.backend, '', 'unavailable');
      continue;
    }
    table.add(options.backend, {}, { batch: options.batchSize, batches: r.batches, rate: r.updatesPerSecond, p50: r.batchP50Ms, p99: r.batchP99Ms, max: r.batchMaxMs });
  }
  publish(table.toMarkdown());
}

if (wanted('hot-path')) {
  const updates = quick ? 2000 : 20000;
  const table = new BenchTable(
    `### Hot path, in process: ${updates.toLocaleString('en')} typing updates of one writer through each step a room takes with them; allocation by V8's sampling heap profiler (collected objects included), time the median of 5 passes`,
    [
      { key: 'step', title: 'step' },
      { key: 'bytes', title: 'bytes allocated per update', digits: 0 },
      { key: 'us', title: 'µs per update', digits: 2 },
    ],
  );
  for (const row of await runHotPath({ updates, passes: 5 })) {
    table.add(COPYDESK, {}, { step: row.step, bytes: row.bytesPerUpdate, us: row.usPerUpdate });
  }
  publish(table.toMarkdown());
}

if (wanted('editor')) {
  const editor = await runEditorBench(
    quick
      ? { words: 5000, flags: 500, opens: 2, keystrokes: 40, remoteEdits: 10, flagsVia: 'store' }
      : { words: 5000, flags: 500, opens: 5, keystrokes: 200, remoteEdits: 50, flagsVia: 'rest' },
  );
  publish(editorBenchMarkdown(editor));
  const flagged = editor.rows[0]!;
  console.log(
    `editor targets: key p99 with ${editor.flags} flags ${fmt(flagged.keys.p99)} ms (under 16), ` +
      `initial bundle to open a draft ${fmt((editor.shell.gzipBytes + editor.editorRoute.toOpen.gzipBytes) / 1000)} kB gzip (under 300; the shell alone ${fmt(editor.shell.gzipBytes / 1000)})`,
  );
}

if (wanted('saturation')) {
  publish(await runSaturation(quick));
}

if (quick) {
  // A smoke run's figures are too short to publish.
  console.log('\n--quick: docs/PERFORMANCE.md left as it is');
} else {
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  writeLatestRun(path.resolve('docs/PERFORMANCE.md'), command, tables);
  console.log('\nwritten to docs/PERFORMANCE.md (section "Latest npm run bench")');
}
process.exit(0);
