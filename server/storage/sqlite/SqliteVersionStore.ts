import type Database from 'better-sqlite3';
import type { DeskStateRecord, SignoffRecord, StoredVersion, VersionMeta, VersionStore } from '../VersionStore.ts';
import { VERSION_META_COLUMNS, toDeskState, toSignoff, toVersionMeta } from '../rows/versionRows.ts';
import type { DeskRow, SignoffRow, VersionRow } from '../rows/versionRows.ts';

/**
 * Versions, sign-offs and desk states in the shared SQLite database. Sign-off
 * rows cannot be updated or deleted: triggers of migration 4 abort any try.
 */
export class SqliteVersionStore implements VersionStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertVersion: db.prepare(
        `INSERT INTO versions (id, draft_id, name, kind, created_at, author_id, author_name, word_count, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listVersions: db.prepare<[string], VersionRow>(
        `SELECT ${VERSION_META_COLUMNS} FROM versions WHERE draft_id = ? ORDER BY created_at DESC, rowid DESC`,
      ),
      findVersion: db.prepare<[string, string], VersionRow>('SELECT * FROM versions WHERE draft_id = ? AND id = ?'),
      insertSignoff: db.prepare(
        `INSERT INTO signoffs (id, draft_id, version_id, hash, by_id, by_name, at, note, override, open_flags)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listSignoffs: db.prepare<[string], SignoffRow>('SELECT * FROM signoffs WHERE draft_id = ? ORDER BY rowid DESC'),
      upsertDesk: db.prepare(
        `INSERT INTO desk_states (draft_id, state, locked, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state, locked = excluded.locked, updated_at = excluded.updated_at`,
      ),
      listDesk: db.prepare<[], DeskRow>('SELECT * FROM desk_states'),
    };
  }

  async storeVersion(version: StoredVersion): Promise<VersionMeta> {
    this.statements.insertVersion.run(
      version.id,
      version.draftId,
      version.name,
      version.kind,
      version.createdAt,
      version.author?.id ?? null,
      version.author?.name ?? null,
      version.wordCount,
      Buffer.from(version.state),
    );
    const { state: _state, ...meta } = version;
    return meta;
  }

  async listVersions(draftId: string): Promise<VersionMeta[]> {
    return this.statements.listVersions.all(draftId).map(toVersionMeta);
  }

  async findVersion(draftId: string, versionId: string): Promise<StoredVersion | undefined> {
    const row = this.statements.findVersion.get(draftId, versionId);
    return row ? { ...toVersionMeta(row), state: new Uint8Array(row.state!) } : undefined;
  }

  async storeSignoff(signoff: SignoffRecord): Promise<SignoffRecord> {
    this.statements.insertSignoff.run(
      signoff.id,
      signoff.draftId,
      signoff.versionId,
      signoff.hash,
      signoff.by.id,
      signoff.by.name,
      signoff.at,
      signoff.note,
      signoff.override,
      JSON.stringify(signoff.openFlags),
    );
    return structuredClone(signoff);
  }

  async listSignoffs(draftId: string): Promise<SignoffRecord[]> {
    return this.statements.listSignoffs.all(draftId).map(toSignoff);
  }

  async storeDeskState(record: DeskStateRecord): Promise<void> {
    this.statements.upsertDesk.run(record.draftId, record.state, record.locked ? 1 : 0, record.updatedAt);
  }

  async listDeskStates(): Promise<DeskStateRecord[]> {
    return this.statements.listDesk.all().map(toDeskState);
  }
}
