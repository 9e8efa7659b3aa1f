// Starts the API server and the Vite dev server together (`npm run dev`).
// Both share this terminal; Ctrl-C (or SIGTERM) stops both, and if either one
// exits on its own the other is stopped too, with the first exit code passed on.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '3000';

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const children = new Map();
let exitCode = null;

function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (exitCode === null) {
      exitCode = code ?? (signal ? 1 : 0);
      console.error(`[dev] ${name} exited (${signal ?? code}); stopping the rest`);
      stopAll('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode ?? 0);
  });
  child.on('error', (error) => {
    console.error(`[dev] could not start ${name}: ${error.message}`);
  });
  return child;
}

function stopAll(signal) {
  for (const child of children.values()) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (exitCode === null) exitCode = 0;
    stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    // A child that ignores the signal is not allowed to keep the terminal.
    setTimeout(() => stopAll('SIGKILL'), 5000).unref();
  });
}

start('api', process.execPath, ['--import', 'tsx', 'server/main.ts'], { PORT: apiPort });
start('vite', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js')], { API_PORT: apiPort });
