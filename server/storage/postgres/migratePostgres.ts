import type pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { inTransaction } from './transaction.ts';

/**
 * Brings the schema on the pool's `search_path` up to date and resolves to the
 * versions it applied (empty when there was nothing to do).
 *
 * Safe with several instances starting at once: everything happens in one
 * transaction that first takes `pg_advisory_xact_lock` on a key derived from
 * the current schema, so a second migrator waits, then finds the versions
 * recorded and applies nothing. A failing migration rolls the whole run back
 * (Postgres DDL is transactional) and rejects; the lock goes with the
 * transaction, so a crashed migrator never leaves it held. Versions this build
 * does not know (a newer build ran) are left alone.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    // hashtext() gives an int4; the first key tells our locks apart from others' in the same database.
    await client.query(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASS}, hashtext(current_schema()))`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version     INTEGER PRIMARY KEY,
         applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    return applied;
  });
}

/** First key of Copydesk's two-key advisory locks: 'Cpdk' as an int4. */
export const ADVISORY_LOCK_CLASS = 0x4370646b;

/**
 * Runs `work` while holding the advisory lock named `name` (per schema), so
 * that of several instances starting at once only one runs it at a time —
 * e.g. seeding the demo draft and accounts, which first checks that the
 * database is empty. The lock is transaction-scoped, held on a pooled
 * connection of its own while `work` uses others, and released when `work`
 * settles (or the connection dies). Resolves or rejects as `work` does.
 */
export async function withPostgresLock<T>(pool: pg.Pool, name: string, work: () => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASS}, hashtext(current_schema() || ':' || $1))`, [
      name,
    ]);
    return work();
  });
}
