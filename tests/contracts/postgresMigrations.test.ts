import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../server/storage/postgres/migratePostgres.ts';
import { POSTGRES_MIGRATIONS } from '../../server/storage/postgres/migrations.ts';
import { createTestSchema, findPostgresUnavailable, type TestSchema } from '../support/postgres.ts';

const unavailable = await findPostgresUnavailable('the Postgres migration tests');

const ALL_VERSIONS = POSTGRES_MIGRATIONS.map((_, index) => index + 1);

describe.skipIf(unavailable !== undefined)(
  unavailable ? `Postgres migrations (skipped: ${unavailable})` : 'Postgres migrations',
  () => {
    let schema: TestSchema;

    beforeEach(async () => {
      schema = await createTestSchema();
    });
    afterEach(async () => {
      await schema.drop();
    });

    const appliedVersions = async (pool: pg.Pool) =>
      (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
        (row) => row.version,
      );

    const tablesOf = async (pool: pg.Pool) =>
      (
        await pool.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name',
        )
      ).rows.map((row) => row.table_name);

    it('applies every migration to an empty schema, then nothing on the next start', async () => {
      const pool = schema.openRawPool();
      expect(await migratePostgres(pool)).toEqual(ALL_VERSIONS);
      expect(await appliedVersions(pool)).toEqual(ALL_VERSIONS);
      expect(await tablesOf(pool)).toEqual(
        ['accounts', 'activity', 'api_tokens', 'desk_states', 'draft_clients', 'draft_snapshots', 'draft_updates', 'drafts', 'inbox_items', 'schema_migrations', 'sessions', 'signoffs', 'versions'].sort(),
      );
      expect(await migratePostgres(pool)).toEqual([]);
      expect(await appliedVersions(pool)).toEqual(ALL_VERSIONS);
    });

    it('lets two migrators racing on one empty schema both succeed, applying each migration once', async () => {
      const first = schema.openRawPool();
      const second = schema.openRawPool();
      const results = await Promise.all([migratePostgres(first), migratePostgres(second)]);
      // One did the work; the other waited on the lock and found it done.
      expect(results.map((applied) => applied.length).sort()).toEqual([0, ALL_VERSIONS.length]);
      expect(await appliedVersions(first)).toEqual(ALL_VERSIONS);
    });

    it('runs a migration once however many instances start at once', async () => {
      const counting = ['CREATE TABLE hits (n INTEGER NOT NULL)', 'INSERT INTO hits (n) VALUES (1)'];
      const pools = Array.from({ length: 5 }, () => schema.openRawPool());
      const results = await Promise.all(pools.map((pool) => migratePostgres(pool, counting)));
      expect(results.flat().sort()).toEqual([1, 2]);
      const { rows } = await pools[0]!.query<{ n: number }>('SELECT n FROM hits');
      expect(rows).toEqual([{ n: 1 }]);
    });

    it('applies only the migrations added since the last start, in order', async () => {
      const pool = schema.openRawPool();
      const v1 = ['CREATE TABLE things (id INTEGER PRIMARY KEY)'];
      const v2 = [...v1, 'ALTER TABLE things ADD COLUMN name TEXT', "INSERT INTO things VALUES (1, 'one')"];
      expect(await migratePostgres(pool, v1)).toEqual([1]);
      expect(await migratePostgres(pool, v2)).toEqual([2, 3]);
      expect((await pool.query('SELECT id, name FROM things')).rows).toEqual([{ id: 1, name: 'one' }]);
    });

    it('rolls a failing run back whole: no table, no version recorded; a fixed run then applies', async () => {
      const pool = schema.openRawPool();
      const broken = ['CREATE TABLE kept_only_if_all_pass (x INTEGER)', 'SELEC this is not SQL'];
      await expect(migratePostgres(pool, broken)).rejects.toThrow(/syntax error/);
      expect(await tablesOf(pool)).toEqual([]);
      const fixed = [broken[0]!, 'SELECT 1'];
      expect(await migratePostgres(pool, fixed)).toEqual([1, 2]);
      expect(await tablesOf(pool)).toEqual(['kept_only_if_all_pass', 'schema_migrations']);
    });
  },
);
