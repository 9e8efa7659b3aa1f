import { setFlagsFromString } from 'node:v8';

// The process entry of the built server (`npm start`). V8 compiles a
// function the first time it is called, so in a fresh process the first
// people to open a draft after a restart or deploy pay for compiling the sync
// path (about a millisecond of a 4 ms cold load, measured in
// docs/PERFORMANCE.md). Compiling eagerly instead costs ~0.1 s of start-up and
// ~8 MiB. The flag applies to code compiled after it is set, hence the
// composition root (main.ts) is loaded from here, afterwards.
setFlagsFromString('--no-lazy');
await import('./main.ts');
