import { runFanout, type FanoutOptions, type FanoutResult } from './fanout.ts';

/**
 * Saturation (scenario 2): the fan-out load (C=10, W=2, R=5) with D raised
 * step by step until p99 passes 100 ms; the delivered updates per second at
 * the last step under it and the first over it. Watch the generator's CPU
 * column: near 1000 ms/s the load generator, not the server, is the limit.
 */
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

export async function runSaturation(quick: boolean): Promise<void> {
  const base = { clientsPerDraft: 10, writersPerDraft: 2, ratePerSecond: 5, seconds: quick ? 5 : 10 };
  const steps = quick ? [50, 150, 300] : [100, 200, 300, 400, 500, 600];
  const targets: Array<{ name: string; target: NonNullable<FanoutOptions['target']> }> = [
    { name: 'Copydesk, SQLite FULL', target: 'copydesk' },
    { name: 'reference y-websocket + LevelDB', target: 'reference' },
    { name: 'Hocuspocus + SQLite', target: 'hocuspocus' },
  ];
  console.log(`\nsaturation: fan-out C=10 W=2 R=5, ${base.seconds} s per step, D raised until p99 > 100 ms`);
  console.log('| server | D | delivered/s | p50 ms | p99 ms | server CPU ms/s | generator CPU ms/s |');
  console.log('| - | - | - | - | - | - | - |');
  for (const { name, target } of targets) {
    for (const drafts of steps) {
      const r: FanoutResult = await runFanout({ ...base, drafts, target });
      console.log(
        `| ${name} | ${drafts} | ${fmt(r.deliveredPerSecond, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.serverCpuMsPerSecond, 0)} | ${fmt(r.generatorCpuMsPerSecond, 0)} |`,
      );
      if (r.p99 > 100) break;
    }
  }
}
