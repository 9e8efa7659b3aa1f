import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDraft } from '../../../server/drafts/importDraft.ts';
import { INERT_WINDOW_SETTINGS } from '../../../server/drafts/inertDocument.ts';

/** HTML that makes a browser fetch from `base` in every way it can; paths start with `tag`. */
function fetchingHtml(base: string, tag: string): string {
  const url = (path: string) => `${base}/${tag}-${path}`;
  return [
    `<h1>Head</h1><p>Body</p>`,
    `<iframe src="${url('iframe')}"></iframe>`,
    `<iframe srcdoc="<iframe src='${url('nested')}'></iframe><link rel=stylesheet href='${url('nested-css')}'>"></iframe>`,
    `<link rel="stylesheet" href="${url('css')}"><link rel="preload" as="fetch" href="${url('preload')}">`,
    `<style>@import url(${url('import')});</style><p style="background:url(${url('bg')})">x</p>`,
    `<script src="${url('script')}"></script><img src="${url('img')}"><video src="${url('video')}"></video>`,
    `<object data="${url('object')}"></object><embed src="${url('embed')}"><audio src="${url('audio')}"></audio>`,
    `<meta http-equiv="refresh" content="0;url=${url('refresh')}">`,
  ].join('');
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('inert documents: imported HTML never reaches the network', () => {
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    requested.push(request.url ?? '');
    response.end('<p>fetched</p>');
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fetches nothing while an inert window stays open, where a default window fetches', async () => {
    const inert = new Window({ settings: INERT_WINDOW_SETTINGS });
    const control = new Window();
    try {
      new inert.DOMParser().parseFromString(fetchingHtml(base, 'inert'), 'text/html');
      new control.DOMParser().parseFromString(fetchingHtml(base, 'control'), 'text/html');
      // The control proves the page does make happy-dom fetch; the inert window parsed first.
      await waitUntil(() => requested.some((path) => path.startsWith('/control-')));
      await fetch(`${base}/sentinel-1`).then((response) => response.text());
      expect(requested.filter((path) => path.startsWith('/inert-'))).toEqual([]);
    } finally {
      await inert.happyDOM.abort();
      await control.happyDOM.abort();
      await inert.happyDOM.close();
      await control.happyDOM.close();
    }
  });

  it('fetches nothing during an import', async () => {
    importDraft({ bytes: new TextEncoder().encode(fetchingHtml(base, 'import')) });
    await fetch(`${base}/sentinel-2`).then((response) => response.text());
    expect(requested.filter((path) => path.startsWith('/import-'))).toEqual([]);
  });
});
