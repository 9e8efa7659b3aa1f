import { runFanout, type FanoutOptions } from './fanout.ts';
import { runColdLoad, type ColdLoadOptions } from './coldLoad.ts';
import { runIdleConnections, type IdleOptions } from './idleConnections.ts';
import { runWritePath, type WritePathOptions } from './writePath.ts';
import { runSaturation } from './saturation.ts';
import { editorBenchMarkdown, runEditorBench } from './editor.ts';

/**
 * `npm run bench [-- --quick] [-- --only=fanout,cold-load,idle,write-path,saturation]`:
 * load scenarios over loopback, the servers pinned to core 0 and this load
 * generator to core 1. Prints one Markdown table per scenario. Without
 * --only every scenario but saturation runs (saturation steps the fan-out
 * load up and takes minutes: ask for it by name).
 */
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (name: string) => (only ? only.has(name) : name !== 'saturation');

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '-');

if (wanted('fanout')) {
  const base = { clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5 };
  const scenarios: Array<{ name: string; options: FanoutOptions }> = quick
    ? [
        { name: 'SQLite, 1 instance', options: { ...base, drafts: 20, seconds: 5 } },
        { name: 'reference y-websocket + LevelDB', options: { ...base, drafts: 20, seconds: 5, target: 'reference' } },
        { name: 'Hocuspocus + SQLite', options: { ...base, drafts: 20, seconds: 5, target: 'hocuspocus' } },
      ]
    : [
        { name: 'SQLite FULL, 1 instance', options: { ...base, drafts: 50, seconds: 20 } },
        { name: 'reference y-websocket + LevelDB', options: { ...base, drafts: 50, seconds: 20, target: 'reference' } },
        { name: 'Hocuspocus + SQLite', options: { ...base, drafts: 50, seconds: 20, target: 'hocuspocus' } },
        { name: 'SQLite NORMAL, 1 instance', options: { ...base, drafts: 50, seconds: 20, env: { SQLITE_SYNCHRONOUS: 'NORMAL' } } },
        { name: 'SQLite FULL, 1 instance', options: { ...base, drafts: 200, seconds: 20 } },
        { name: 'Postgres + Redis, 1 instance', options: { ...base, drafts: 50, seconds: 20, instances: 1, env: {} } },
        { name: 'Postgres + Redis, 2 instances', options: { ...base, drafts: 50, seconds: 20, instances: 2 } },
      ];
  console.log('\nfan-out: D drafts x C clients, W writers each typing R chars/s; latency keystroke -> every other client');
  console.log('| backend | D | C | W | R | s | delivered/s | p50 ms | p95 ms | p99 ms | max ms | server CPU µs/delivery | peak RSS MiB | generator CPU ms/s |');
  console.log('| - | - | - | - | - | - | - | - | - | - | - | - | - | - |');
  for (const { name, options } of scenarios) {
    const r = await runFanout(options);
    console.log(
      `| ${name} | ${options.drafts} | ${options.clientsPerDraft} | ${options.writersPerDraft} | ${options.ratePerSecond} | ${options.seconds} | ${fmt(r.deliveredPerSecond, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.serverCpuUsPerDelivery)} | ${fmt(r.peakRssMiB, 0)} | ${fmt(r.generatorCpuMsPerSecond, 0)} |`,
    );
  }
}

if (wanted('cold-load')) {
  const edits = quick ? 2000 : 20000;
  const targets: Array<{ name: string; target: ColdLoadOptions['target'] }> = [
    { name: 'Copydesk, SQLite', target: 'copydesk' },
    { name: 'reference y-websocket + LevelDB', target: 'reference' },
    { name: 'Hocuspocus + SQLite', target: 'hocuspocus' },
  ];
  console.log(`\ncold load: a draft of ${edits} edits x 5 chars, server restarted, one new client until it holds the last edit`);
  console.log('| server | stored as | sync ms | peer said synced ms | stored bytes | burst absorbed ms |');
  console.log('| - | - | - | - | - | - |');
  for (const { name, target } of targets) {
    try {
      for (const row of await runColdLoad({ target, edits, charsPerEdit: 5, uncompactedEdits: edits })) {
        console.log(`| ${name} | ${row.stage} | ${fmt(row.syncMs, 0)} | ${fmt(row.saidSyncedMs, 0)} | ${row.storedBytes} | ${fmt(row.burstMs, 0)} |`);
      }
    } catch (error) {
      console.log(`| ${name} | failed: ${(error as Error).message} | - | - | - | - |`);
    }
  }
}

if (wanted('idle')) {
  const runs: IdleOptions[] = quick
    ? [
        { target: 'copydesk', drafts: 200, connections: 1000 },
        { target: 'reference', drafts: 200, connections: 1000 },
      ]
    : [1000, 5000, 10000].flatMap((connections) => [
        { target: 'copydesk' as const, drafts: 1000, connections },
        { target: 'reference' as const, drafts: 1000, connections },
      ]);
  console.log('\nidle connections: raw ws sockets, sync step 1 -> step 2, then idle; server RSS deltas');
  console.log('| server | drafts | connections | synced | all synced ms | baseline RSS MiB | final RSS MiB | KiB/draft | KiB/connection | KiB/extra connection |');
  console.log('| - | - | - | - | - | - | - | - | - | - |');
  for (const options of runs) {
    const name = options.target === 'copydesk' ? 'Copydesk, SQLite' : 'reference y-websocket + LevelDB';
    try {
      const r = await runIdleConnections(options);
      console.log(
        `| ${name} | ${options.drafts} | ${options.connections} | ${r.synced} | ${fmt(r.allSyncedMs, 0)} | ${fmt(r.baselineRssMiB, 0)} | ${fmt(r.finalRssMiB, 0)} | ${fmt(r.kibPerDraft)} | ${fmt(r.kibPerConnection)} | ${fmt(r.kibPerExtraConnection)} |`,
      );
    } catch (error) {
      console.log(`| ${name} | ${options.drafts} | ${options.connections} | failed: ${(error as Error).message} | - | - | - | - | - | - |`);
    }
  }
}

if (wanted('write-path')) {
  const seconds = quick ? 2 : 5;
  const runs: WritePathOptions[] = (['sqlite-full', 'sqlite-normal', 'postgres'] as const).flatMap((backend) =>
    [1, 20, 200].map((batchSize) => ({ backend, batchSize, drafts: 50, seconds })),
  );
  console.log('\nwrite path: DocumentStore.appendUpdates, one batch after another, keystroke-sized updates over 50 drafts');
  console.log('| backend | batch | batches | updates/s | batch p50 ms | batch p99 ms | batch max ms |');
  console.log('| - | - | - | - | - | - | - |');
  for (const options of runs) {
    const r = await runWritePath(options);
    if (!r) {
      console.log(`| ${options.backend} | ${options.batchSize} | unavailable | - | - | - | - |`);
      continue;
    }
    console.log(
      `| ${options.backend} | ${options.batchSize} | ${r.batches} | ${fmt(r.updatesPerSecond, 0)} | ${fmt(r.batchP50Ms, 2)} | ${fmt(r.batchP99Ms, 2)} | ${fmt(r.batchMaxMs, 2)} |`,
    );
  }
}

if (wanted('editor')) {
  const editor = await runEditorBench(
    quick
      ? { words: 5000, flags: 500, opens: 2, keystrokes: 50, remoteEdits: 15, flagsVia: 'store' }
      : { words: 5000, flags: 500, opens: 5, keystrokes: 200, remoteEdits: 50, flagsVia: 'rest' },
  );
  console.log(`\n${editorBenchMarkdown(editor)}`);
  const flagged = editor.rows[0]!;
  console.log(
    `editor targets: key p99 with ${editor.flags} flags ${fmt(flagged.keys.p99)} ms (under 16), ` +
      `initial bundle ${fmt(editor.shell.gzipBytes / 1024)} KiB gzip (under 300; ${fmt((editor.shell.gzipBytes + editor.editorRoute.gzipBytes) / 1024)} with the editor route)`,
  );
}

if (wanted('saturation')) {
  await runSaturation(quick);
}
process.exit(0);
