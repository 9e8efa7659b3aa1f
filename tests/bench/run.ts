import { runFanout } from './fanout.ts';

/**
 * `npm run bench [-- --quick]`: load scenarios over loopback, the server
 * pinned to one core. Prints one row per scenario.
 */
const quick = process.argv.includes('--quick');
const scenarios = quick
  ? [{ drafts: 20, clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5, seconds: 5 }]
  : [
      { drafts: 50, clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5, seconds: 20 },
      { drafts: 200, clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5, seconds: 20 },
    ];

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
console.log('fan-out: D drafts x C clients, W writers each typing R chars/s; latency keystroke -> every other client');
console.log('| D | C | W | R | s | delivered/s | p50 ms | p95 ms | p99 ms | max ms | server CPU µs/delivery | peak RSS MiB |');
console.log('| - | - | - | - | - | - | - | - | - | - | - | - |');
for (const scenario of scenarios) {
  const r = await runFanout(scenario);
  console.log(
    `| ${scenario.drafts} | ${scenario.clientsPerDraft} | ${scenario.writersPerDraft} | ${scenario.ratePerSecond} | ${scenario.seconds} | ${fmt(r.deliveredPerSecond, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${fmt(r.serverCpuUsPerDelivery)} | ${fmt(r.peakRssMiB, 0)} |`,
  );
}
process.exit(0);
