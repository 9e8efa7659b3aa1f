import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DIST } from './editorSetup.ts';

export interface BundlePart {
  files: string[];
  /** Sum of each file's gzip size (zlib's default level, as a server compressing on the fly would send it). */
  gzipBytes: number;
}

/** The scripts and stylesheets dist/client/index.html loads: what every page of the app loads first. */
export function shellFiles(): BundlePart {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return gzipPart([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!));
}

/** What a page that opened a draft loaded from /assets/ besides the shell (the editor route's lazy chunks). */
export async function editorRouteFiles(page: Page): Promise<BundlePart> {
  const loaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((pathname) => pathname.startsWith('/assets/') && /\.(js|css)$/.test(pathname)),
  );
  const shell = new Set(shellFiles().files);
  return gzipPart([...new Set(loaded)].filter((file) => !shell.has(file)));
}

const gzipPart = (files: string[]): BundlePart => ({
  files,
  gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).byteLength, 0),
});
