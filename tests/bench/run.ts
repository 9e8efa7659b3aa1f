import { runFanout, type FanoutOptions } from './fanout.ts';

/**
 * `npm run bench [-- --quick]`: load scenarios over loopback, the servers
 * pinned to core 0 and this load generator to core 1. Prints one row per
 * scenario (a Markdown table).
 */
const quick = process.argv.includes('--quick');
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

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
console.log('fan-out: D drafts x C clients, W writers each typing R chars/s; latency keystroke -> every other client');
console.log('| backend | D | C | W | R | s | delivered/s | p50 ms | p95 ms | p99 ms | max ms | server CPU µs/delivery | peak RSS MiB | generator CPU ms/s |');
console.log('| - | - | - | - | - | - | - | - | - | - | - | - | - | - |');
for (const { name, options } of scenarios) {
  const r = await runFanout(options);
  console.log(
    `| ${name} | ${options.drafts} | ${options.clientsPerDraft} | ${options.writersPerDraft} | ${options.ratePerSecond} | ${options.seconds} | ${fmt(r.deliveredPerSecond, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.serverCpuUsPerDelivery)} | ${fmt(r.peakRssMiB, 0)} | ${fmt(r.generatorCpuMsPerSecond, 0)} |`,
  );
}
process.exit(0);
