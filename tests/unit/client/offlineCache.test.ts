// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { API_CACHE_NAME, CACHED_API_PATTERN } from '../../../client/app/offlineCache.ts';
import { signedIn, signedOut } from '../../../client/app/session.ts';

const eddie: AccountSummary = { id: 'acc-eddie', username: 'editor', displayName: 'Eddie Editor', role: 'editor' };
const lena: AccountSummary = { id: 'acc-lena', username: 'legal', displayName: 'Lena Legal', role: 'legal' };

describe('the offline API cache', () => {
  it.each([
    ['http://127.0.0.1:3000/api/docs/abc123xyz', true],
    ['http://127.0.0.1:3000/api/docs/abc123xyz?x=1', false],
    ['http://127.0.0.1:3000/api/docs', true],
    ['http://127.0.0.1:3000/api/docs?state=legal-review', true],
    ['http://127.0.0.1:3000/api/docs?state=legal-review&x=1', false],
    ['http://127.0.0.1:3000/api/docs?limit=5', false],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/annotations', false],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/versions', false],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/desk', true],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/signoffs', true],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/desk?x=1', false],
    ['http://127.0.0.1:3000/api/docs/abc123xyz/lock', false],
    ['http://127.0.0.1:3000/api/session', false],
    ['http://127.0.0.1:3000/api/people', false],
    ['http://127.0.0.1:3000/api/inbox', false],
  ])('keeps only a draft’s record, desk and sign-offs, and the drafts list: %s -> %s', (url, isKept) => {
    expect(CACHED_API_PATTERN.test(url)).toBe(isKept);
  });

  describe('belongs to the account that fetched it', () => {
    const deleted: string[] = [];
    beforeEach(() => {
      localStorage.clear();
      signedOut('not-signed-in');
      vi.stubGlobal('caches', { delete: async (name: string) => (deleted.push(name), true) });
      deleted.length = 0;
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('is cleared when the person signs out or the session ends', () => {
      signedIn(eddie);
      deleted.length = 0;
      signedOut('signed-out');
      expect(deleted).toEqual([API_CACHE_NAME]);
      signedIn(eddie);
      deleted.length = 0;
      signedOut('expired');
      expect(deleted).toEqual([API_CACHE_NAME]);
    });

    it('is cleared when another account signs in, and kept when the same one is confirmed again', () => {
      signedIn(eddie);
      deleted.length = 0;
      signedIn(eddie);
      expect(deleted).toEqual([]);
      signedIn(lena);
      expect(deleted).toEqual([API_CACHE_NAME]);
    });
  });
});
