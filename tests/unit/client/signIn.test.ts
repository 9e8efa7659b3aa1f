import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../client/api/request.ts';
import { nextAfterSignIn, signInPath } from '../../../client/app/router.ts';
import { rolesThatCan } from '../../../client/identity/roleLabel.ts';
import { tooManyAttemptsMessage } from '../../../client/panels/account/signInErrors.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';

describe('returning after sign-in', () => {
  it.each([
    ['?next=%2Fdocs%2Fabc123', '/docs/abc123'],
    ['?next=%2Faccount%2Ftokens%3Fx%3D1', '/account/tokens?x=1'],
    ['', '/'],
    ['?next=', '/'],
    ['?next=https%3A%2F%2Fevil.example%2F', '/'],
    ['?next=%2F%2Fevil.example%2Fdocs', '/'],
    ['?next=%2F%5Cevil.example', '/'],
    ['?next=javascript%3Aalert(1)', '/'],
    ['?next=%2Fsignin%3Fnext%3D%2Fadmin', '/'],
  ])('follows only paths inside the app: %s -> %s', (search, expected) => {
    expect(nextAfterSignIn(search)).toBe(expected);
  });

  it('puts where the person was going into the sign-in address, and nothing for the drafts list', () => {
    expect(signInPath('/docs/abc123')).toBe('/signin?next=%2Fdocs%2Fabc123');
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('//evil.example')).toBe('/signin');
    expect(signInPath()).toBe('/signin');
  });
});

describe('too many sign-in attempts', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('0')).toBe(1);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:05:00 GMT', now)).toBe(300);
  });

  it('says how many minutes to wait, rounded up', () => {
    expect(tooManyAttemptsMessage(30)).toBe('Too many attempts — try again in 1 minute.');
    expect(tooManyAttemptsMessage(61)).toBe('Too many attempts — try again in 2 minutes.');
    expect(tooManyAttemptsMessage(900)).toBe('Too many attempts — try again in 15 minutes.');
    expect(tooManyAttemptsMessage(null)).toBe('Too many attempts — try again later.');
  });
});

describe('explaining a permission', () => {
  it('names the roles that may act, from the shared table', () => {
    expect(rolesThatCan(ACTIONS.createDrafts)).toBe('editors and chief editors');
    expect(rolesThatCan(ACTIONS.manageAccounts)).toBe('admins');
  });
});
