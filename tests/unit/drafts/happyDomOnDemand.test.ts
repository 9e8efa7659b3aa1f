import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const startServerUrl = pathToFileURL(path.resolve('server/startServer.ts')).href;

/** A module resolve hook that refuses happy-dom: any import of it, static or dynamic, fails. */
const refuseHappyDom = `export async function resolve(specifier, context, next) {
  if (specifier === 'happy-dom' || specifier.startsWith('happy-dom/')) throw new Error('happy-dom was imported');
  return next(specifier, context);
}`;

describe('happy-dom, which only HTML import and export use', () => {
  it('is not part of the server module graph: a server that never imports or exports HTML never loads it', () => {
    const script = [
      `import { register } from 'node:module';`,
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuseHappyDom)}));`,
      `await import(${JSON.stringify(startServerUrl)});`,
      `console.log('server modules loaded');`,
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain('server modules loaded');
  }, 60_000);
});
