import type pg from 'pg';
import type {
  AccountChanges,
  AccountRecord,
  AccountStore,
  AccountUpdate,
  NewAccount,
  NewToken,
  SessionRecord,
  TokenRecord,
} from '../AccountStore.ts';
import { TOKEN_COLUMNS, toAccount, toSession, toToken } from '../rows/accountRows.ts';
import type { AccountRow, SessionRow, TokenRow } from '../rows/accountRows.ts';
import { toNumber } from '../rows/columns.ts';
import { inTransaction } from './transaction.ts';

/** Thrown inside a transaction only to roll it back. */
class LastAdminRollback extends Error {}

const COUNT_ENABLED_ADMINS = "SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND NOT disabled";

/**
 * Accounts, sessions and tokens in Postgres, on the same pool as the document
 * store (whose opener ends it). Same semantics as SqliteAccountStore; the
 * shared contract suite checks both.
 */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  async countAccounts(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
    return toNumber(rows[0]!.n);
  }

  async listAccounts(): Promise<AccountRecord[]> {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts ORDER BY username COLLATE "C"');
    return rows.map(toAccount);
  }

  async findAccount(id: string): Promise<AccountRecord | undefined> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
    return rows[0] && toAccount(rows[0]);
  }

  async findAccountByUsername(username: string): Promise<AccountRecord | undefined> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
    return rows[0] && toAccount(rows[0]);
  }

  async createAccount(account: NewAccount): Promise<AccountRecord | undefined> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO accounts (id, username, display_name, role, password_hash, disabled, created_at)
       VALUES ($1, $2, $3, $4, $5, false, $6) ON CONFLICT (username) DO NOTHING`,
      [account.id, account.username, account.displayName, account.role, account.passwordHash, account.createdAt],
    );
    if (rowCount === 0) return undefined;
    return { ...account, disabled: false };
  }

  async updateAccount(id: string, changes: AccountChanges): Promise<AccountUpdate> {
    // Count the enabled admins, change, count again, roll back if the change
    // took the last one away. Under READ COMMITTED two such transactions would
    // each miss the other's change (two admins demoting each other would both
    // succeed), so the table is locked against other writers first: SHARE ROW
    // EXCLUSIVE conflicts with itself and with writes, not with reads, nor with
    // the key-share locks that inserting sessions and tokens takes.
    try {
      return await inTransaction(this.pool, async (client): Promise<AccountUpdate> => {
        await client.query('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE');
        const countAdmins = async () => toNumber((await client.query<{ n: string }>(COUNT_ENABLED_ADMINS)).rows[0]!.n);
        const adminsBefore = await countAdmins();
        const { rows } = await client.query<AccountRow>(
          `UPDATE accounts SET
             display_name = coalesce($2, display_name),
             role = coalesce($3, role),
             disabled = coalesce($4, disabled),
             password_hash = coalesce($5, password_hash)
           WHERE id = $1
           RETURNING *`,
          [id, changes.displayName ?? null, changes.role ?? null, changes.disabled ?? null, changes.passwordHash ?? null],
        );
        if (!rows[0]) return { status: 'not_found' };
        if (adminsBefore > 0 && (await countAdmins()) === 0) throw new LastAdminRollback();
        return { status: 'updated', account: toAccount(rows[0]) };
      });
    } catch (error) {
      if (error instanceof LastAdminRollback) return { status: 'last_admin' };
      throw error;
    }
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      session.id,
      session.accountId,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  async findSession(id: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
    return rows[0] && toSession(rows[0]);
  }

  async extendSession(id: string, expiresAt: number): Promise<void> {
    await this.pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
  }

  async deleteSession(id: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
    return rowCount ?? 0;
  }

  async createToken(token: NewToken): Promise<TokenRecord> {
    await this.pool.query(
      'INSERT INTO api_tokens (id, account_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [token.id, token.accountId, token.name, token.secretHash, token.createdAt],
    );
    return { id: token.id, accountId: token.accountId, name: token.name, createdAt: token.createdAt, lastUsedAt: null };
  }

  async findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = $1`, [
      secretHash,
    ]);
    return rows[0] && toToken(rows[0]);
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
    return rows[0] && toToken(rows[0]);
  }

  async listTokens(accountId: string): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY created_at, id COLLATE "C"`,
      [accountId],
    );
    return rows.map(toToken);
  }

  async touchToken(id: string, lastUsedAt: number): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [lastUsedAt, id]);
  }

  async deleteToken(id: string, accountId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM api_tokens WHERE id = $1 AND account_id = $2', [
      id,
      accountId,
    ]);
    return (rowCount ?? 0) > 0;
  }
}
