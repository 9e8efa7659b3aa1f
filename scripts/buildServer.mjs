// Compiles the server to plain JavaScript in dist/server/, so `npm start` runs
// on Node alone: no TypeScript loader in the process (it costs ~35 MiB of
// resident memory and start-up time). npm packages stay external; a lazily
// imported backend (Postgres, Redis) becomes its own chunk, loaded only when
// configured.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
