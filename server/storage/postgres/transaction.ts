import type pg from 'pg';

/**
 * Runs `work` inside one transaction on one pooled connection: COMMIT when it
 * resolves, ROLLBACK (and rethrow) when it throws. `begin` may name an
 * isolation level, e.g. `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.
 * A connection whose ROLLBACK itself failed is discarded, not returned to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
