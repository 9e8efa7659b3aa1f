import type Database from 'better-sqlite3';
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

/** Thrown inside a transaction only to roll it back. */
class LastAdminRollback extends Error {}


/**
 * Accounts, sessions and tokens in the same SQLite database as the drafts: it
 * is built on the connection `openSqliteDatabase` returns, which its opener
 * closes. Like the document store, every method has finished its I/O when it
 * returns its promise.
 */
export class SqliteAccountStore implements AccountStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      countAccounts: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts'),
      countEnabledAdmins: db.prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0",
      ),
      listAccounts: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY username'),
      findAccount: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
      findAccountByUsername: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE username = ?'),
      insertAccount: db.prepare(
        `INSERT INTO accounts (id, username, display_name, role, password_hash, disabled, created_at)
         VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (username) DO NOTHING`,
      ),
      updateAccount: db.prepare(
        `UPDATE accounts SET
           display_name = coalesce(@displayName, display_name),
           role = coalesce(@role, role),
           disabled = coalesce(@disabled, disabled),
           password_hash = coalesce(@passwordHash, password_hash)
         WHERE id = @id`,
      ),
      insertSession: db.prepare(
        'INSERT INTO sessions (id, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      findSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
      extendSession: db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE account_id = ?'),
      deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
      insertToken: db.prepare(
        'INSERT INTO api_tokens (id, account_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      findTokenBySecretHash: db.prepare<[string], TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = ?`,
      ),
      findToken: db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`),
      listTokens: db.prepare<[string], TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = ? ORDER BY created_at, id`,
      ),
      touchToken: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
      deleteToken: db.prepare('DELETE FROM api_tokens WHERE id = ? AND account_id = ?'),
    };
  }

  async countAccounts(): Promise<number> {
    return this.statements.countAccounts.get()!.n;
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return this.statements.listAccounts.all().map(toAccount);
  }

  async findAccount(id: string): Promise<AccountRecord | undefined> {
    const row = this.statements.findAccount.get(id);
    return row && toAccount(row);
  }

  async findAccountByUsername(username: string): Promise<AccountRecord | undefined> {
    const row = this.statements.findAccountByUsername.get(username);
    return row && toAccount(row);
  }

  async createAccount(account: NewAccount): Promise<AccountRecord | undefined> {
    const { changes } = this.statements.insertAccount.run(
      account.id,
      account.username,
      account.displayName,
      account.role,
      account.passwordHash,
      account.createdAt,
    );
    if (changes === 0) return undefined;
    return { ...account, disabled: false };
  }

  async updateAccount(id: string, changes: AccountChanges): Promise<AccountUpdate> {
    // One IMMEDIATE transaction (it holds the write lock from the first read, so
    // the CLI in another process cannot interleave): count the enabled admins,
    // change, count again, and roll back if the change took the last one away.
    const update = this.db.transaction((): AccountUpdate => {
      const adminsBefore = this.statements.countEnabledAdmins.get()!.n;
      const { changes: updated } = this.statements.updateAccount.run({
        id,
        displayName: changes.displayName ?? null,
        role: changes.role ?? null,
        disabled: changes.disabled === undefined ? null : Number(changes.disabled),
        passwordHash: changes.passwordHash ?? null,
      });
      if (updated === 0) return { status: 'not_found' };
      if (adminsBefore > 0 && this.statements.countEnabledAdmins.get()!.n === 0) throw new LastAdminRollback();
      return { status: 'updated', account: toAccount(this.statements.findAccount.get(id)!) };
    });
    try {
      return update.immediate();
    } catch (error) {
      if (error instanceof LastAdminRollback) return { status: 'last_admin' };
      throw error;
    }
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.statements.insertSession.run(session.id, session.accountId, session.createdAt, session.expiresAt);
  }

  async findSession(id: string): Promise<SessionRecord | undefined> {
    const row = this.statements.findSession.get(id);
    return row && toSession(row);
  }

  async extendSession(id: string, expiresAt: number): Promise<void> {
    this.statements.extendSession.run(expiresAt, id);
  }

  async deleteSession(id: string): Promise<void> {
    this.statements.deleteSession.run(id);
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    this.statements.deleteSessionsOf.run(accountId);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.statements.deleteExpiredSessions.run(now).changes;
  }

  async createToken(token: NewToken): Promise<TokenRecord> {
    this.statements.insertToken.run(token.id, token.accountId, token.name, token.secretHash, token.createdAt);
    return { id: token.id, accountId: token.accountId, name: token.name, createdAt: token.createdAt, lastUsedAt: null };
  }

  async findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined> {
    const row = this.statements.findTokenBySecretHash.get(secretHash);
    return row && toToken(row);
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    const row = this.statements.findToken.get(id);
    return row && toToken(row);
  }

  async listTokens(accountId: string): Promise<TokenRecord[]> {
    return this.statements.listTokens.all(accountId).map(toToken);
  }

  async touchToken(id: string, lastUsedAt: number): Promise<void> {
    this.statements.touchToken.run(lastUsedAt, id);
  }

  async deleteToken(id: string, accountId: string): Promise<boolean> {
    return this.statements.deleteToken.run(id, accountId).changes > 0;
  }
}
