import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseUrl } from '../../../server/config.ts';

describe('DATABASE_URL chooses the storage backend', () => {
  it('is unset by default (SQLite), and an empty value counts as unset', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
    expect(loadDatabaseUrl({})).toBeUndefined();
  });

  it.each(['postgres://copydesk:secret@db.internal:5432/copydesk', 'postgresql://localhost/copydesk?sslmode=require'])(
    'accepts %s',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
      expect(loadDatabaseUrl({ DATABASE_URL: url })).toBe(url);
    },
  );

  it.each(['mysql://db/copydesk', 'db.internal:5432', 'postgres://', 'file:./copydesk.sqlite'])(
    'fails at boot naming DATABASE_URL for %s',
    (url) => {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL: must be a postgres/);
      expect(() => loadDatabaseUrl({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    },
  );
});
