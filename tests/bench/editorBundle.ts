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

export interface EditorRouteParts {
  /** Fetched by the time the draft's copy and flags were painted: what opening a draft waits for. */
  toOpen: BundlePart;
  /** Fetched only after that (code the page loads once it is idle). */
  afterOpen: BundlePart;
}

/**
 * What a page that opened a draft loaded from /assets/ besides the shell (the
 * editor route's lazy chunks), split at the moment the draft was painted (the
 * probe's openedMs; see editorProbes.ts).
 */
export async function editorRouteFiles(page: Page): Promise<EditorRouteParts> {
  const { fetched, atOpen } = await page.evaluate(() => ({
    fetched: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    atOpen: (window as unknown as { __copydeskBench: { fetchedAtOpen?: string[] } }).__copydeskBench.fetchedAtOpen ?? [],
  }));
  const shell = new Set(shellFiles().files);
  const isRouteAsset = (pathname: string) => pathname.startsWith('/assets/') && /\.(js|css)$/.test(pathname) && !shell.has(pathname);
  const route = [...new Set(fetched)].filter(isRouteAsset);
  const beforeOpen = new Set(atOpen);
  return {
    toOpen: gzipPart(route.filter((file) => beforeOpen.has(file))),
    afterOpen: gzipPart(route.filter((file) => !beforeOpen.has(file))),
  };
}

const gzipPart = (files: string[]): BundlePart => ({
  files,
  gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).byteLength, 0),
});
