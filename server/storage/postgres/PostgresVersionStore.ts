import type pg from 'pg';
import type { DeskStateRecord, SignoffRecord, StoredVersion, VersionMeta, VersionStore } from '../VersionStore.ts';
import { VERSION_META_COLUMNS, toDeskState, toSignoff, toVersionMeta } from '../rows/versionRows.ts';
import type { DeskRow, SignoffRow, VersionRow } from '../rows/versionRows.ts';
import { asBuffer } from '../rows/columns.ts';

/**
 * Versions, sign-offs and desk states in Postgres, on the shared pool. Same
 * semantics as SqliteVersionStore; a trigger of migration 4 refuses any
 * UPDATE or DELETE of a sign-off row.
 */
export class PostgresVersionStore implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async storeVersion(version: StoredVersion): Promise<VersionMeta> {
    await this.pool.query(
      `INSERT INTO versions (id, draft_id, name, kind, created_at, author_id, author_name, word_count, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        version.id,
        version.draftId,
        version.name,
        version.kind,
        version.createdAt,
        version.author?.id ?? null,
        version.author?.name ?? null,
        version.wordCount,
        asBuffer(version.state),
      ],
    );
    const { state: _state, ...meta } = version;
    return meta;
  }

  async listVersions(draftId: string): Promise<VersionMeta[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${VERSION_META_COLUMNS} FROM versions WHERE draft_id = $1 ORDER BY created_at DESC, position DESC`,
      [draftId],
    );
    return rows.map(toVersionMeta);
  }

  async findVersion(draftId: string, versionId: string): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query<VersionRow>('SELECT * FROM versions WHERE draft_id = $1 AND id = $2', [
      draftId,
      versionId,
    ]);
    const row = rows[0];
    return row ? { ...toVersionMeta(row), state: new Uint8Array(row.state!) } : undefined;
  }

  async storeSignoff(signoff: SignoffRecord): Promise<SignoffRecord> {
    await this.pool.query(
      `INSERT INTO signoffs (id, draft_id, version_id, hash, by_id, by_name, at, note, override, open_flags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
    return structuredClone(signoff);
  }

  async listSignoffs(draftId: string): Promise<SignoffRecord[]> {
    const { rows } = await this.pool.query<SignoffRow>(
      'SELECT * FROM signoffs WHERE draft_id = $1 ORDER BY position DESC',
      [draftId],
    );
    return rows.map(toSignoff);
  }

  async storeDeskState(record: DeskStateRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO desk_states (draft_id, state, locked, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state, locked = excluded.locked, updated_at = excluded.updated_at`,
      [record.draftId, record.state, record.locked, record.updatedAt],
    );
  }

  async listDeskStates(): Promise<DeskStateRecord[]> {
    const { rows } = await this.pool.query<DeskRow>('SELECT * FROM desk_states');
    return rows.map(toDeskState);
  }
}
