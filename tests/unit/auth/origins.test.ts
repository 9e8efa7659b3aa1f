import { describe, expect, it } from 'vitest';
import { clientAddressOf, isAllowedOrigin, ownOriginOf } from '../../../server/auth/origins.ts';

describe('isAllowedOrigin', () => {
  const own = 'http://localhost:3000';
  const allowed = ['https://desk.example.com'];
  it.each([
    ['no Origin header (not a cross-site browser request)', undefined, true],
    ['the server itself', 'http://localhost:3000', true],
    ['the server itself, different case', 'HTTP://LOCALHOST:3000', true],
    ['an allowed origin', 'https://desk.example.com', true],
    ['an allowed origin with its default port spelled out', 'https://desk.example.com:443', true],
    ['another site', 'https://evil.example', false],
    ['the same host on another port', 'http://localhost:3001', false],
    ['the same host over the other scheme', 'https://localhost:3000', false],
    ['an allowed host over http', 'http://desk.example.com', false],
    ['a look-alike suffix', 'https://desk.example.com.evil.example', false],
    ['"null" (sandboxed frame)', 'null', false],
    ['not a URL', 'localhost:3000 ', false],
    ['a non-http scheme', 'file://', false],
  ])('%s → %s', (_label, origin, expected) => {
    expect(isAllowedOrigin(origin, own, allowed)).toBe(expected);
  });

  it('refuses any Origin when the own origin is unknown and nothing is allowed', () => {
    expect(isAllowedOrigin('http://localhost:3000', undefined, [])).toBe(false);
    expect(isAllowedOrigin(undefined, undefined, [])).toBe(true);
  });
});

describe('ownOriginOf', () => {
  it.each([
    [{ host: 'localhost:3000', isEncrypted: false, forwardedProto: undefined }, false, 'http://localhost:3000'],
    [{ host: 'desk.example.com', isEncrypted: true, forwardedProto: undefined }, false, 'https://desk.example.com'],
    // X-Forwarded-Proto is believed only behind a trusted proxy.
    [{ host: 'desk.example.com', isEncrypted: false, forwardedProto: 'https' }, false, 'http://desk.example.com'],
    [{ host: 'desk.example.com', isEncrypted: false, forwardedProto: 'https' }, true, 'https://desk.example.com'],
    [{ host: 'desk.example.com', isEncrypted: false, forwardedProto: 'https, http' }, true, 'https://desk.example.com'],
    [{ host: undefined, isEncrypted: false, forwardedProto: undefined }, false, undefined],
  ])('%j (trust proxy: %s) → %s', (place, trustProxy, expected) => {
    expect(ownOriginOf(place, trustProxy)).toBe(expected);
  });
});

describe('clientAddressOf', () => {
  it('uses the socket peer unless a trusted proxy forwards, then the hop the proxy appended', () => {
    expect(clientAddressOf('10.0.0.1', '1.2.3.4', false)).toBe('10.0.0.1');
    expect(clientAddressOf('10.0.0.1', 'spoofed, 1.2.3.4', true)).toBe('1.2.3.4');
    expect(clientAddressOf('10.0.0.1', undefined, true)).toBe('10.0.0.1');
    expect(clientAddressOf(undefined, undefined, false)).toBe('unknown');
  });
});
