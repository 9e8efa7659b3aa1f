// Compiles the server to plain JavaScript in dist/server/, so `npm start` runs
// on Node alone: no TypeScript loader in the process (it costs ~35 MiB of
// resident memory and start-up time). npm packages stay external; a lazily
// imported backend (Postgres, Redis) becomes its own chunk, loaded only when
// configured.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const OUT_DIR = 'dist/server';

const result = await build({
  entryPoints: ['server/entry.ts'],
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

// Chunk names carry a content hash, so each build would leave the previous
// one's chunks behind; what this build did not write goes. (Not a clean of the
// folder first: two test files may build at once, writing the same files.)
const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(file)));
for (const name of readdirSync(OUT_DIR)) {
  const file = path.resolve(OUT_DIR, name);
  if (!written.has(file)) rmSync(file, { recursive: true, force: true });
}
