import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';

describe('account and session settings', () => {
  it('has safe defaults outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      isProduction: false,
      sessionSecret: undefined,
      demoPassword: undefined,
      allowedOrigins: [],
      sessionTtlMs: 12 * 60 * 60 * 1000,
      trustProxy: false,
      signInLimits: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowMs: 15 * 60_000 },
    });
  });

  it('reads ALLOWED_ORIGINS as a list of origins', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: ' https://desk.example.com, http://localhost:5173 ,' });
    expect(config.allowedOrigins).toEqual(['https://desk.example.com', 'http://localhost:5173']);
  });

  it.each([
    ['SESSION_SECRET', { SESSION_SECRET: 'too short' }],
    ['DEMO_PASSWORD', { DEMO_PASSWORD: 'short' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'https://desk.example.com/path' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'desk.example.com' }],
    ['SESSION_TTL_HOURS', { SESSION_TTL_HOURS: '0' }],
    ['SESSION_TTL_HOURS', { SESSION_TTL_HOURS: 'soon' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'yes' }],
    ['SIGNIN_MAX_FAILURES_PER_ACCOUNT', { SIGNIN_MAX_FAILURES_PER_ACCOUNT: '-1' }],
  ])('fails at boot naming %s', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(48) });
    expect(config.isProduction).toBe(true);
  });
});
