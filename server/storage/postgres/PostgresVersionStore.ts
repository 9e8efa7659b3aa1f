import type pg from 'pg';
import type {
  DeskStateName,
  DeskStateRecord,
  OpenFlagRef,
  SignoffRecord,
  StoredVersion,
  VersionKind,
  VersionMeta,
  VersionStore,
} from '../VersionStore.ts';
import { asBuffer, toNumber } from './transaction.ts';

interface VersionRow {
  id: string;
  draft_id: string;
  name: string;
  kind: string;
  created_at: string;
  author_id: string | null;
  author_name: string | null;
  word_count: number;
  state?: Buffer;
}

interface SignoffRow {
  id: string;
  draft_id: string;
  version_id: string;
  hash: string;
  by_id: string;
  by_name: string;
  at: string;
  note: string;
  override: string | null;
  open_flags: string;
}

interface DeskRow {
  draft_id: string;
  state: string;
  locked: boolean;
  updated_at: string;
}

const META_COLUMNS = 'id, draft_id, name, kind, created_at, author_id, author_name, word_count';

const toMeta = (row: VersionRow): VersionMeta => ({
  id: row.id,
  draftId: row.draft_id,
  name: row.name,
  kind: row.kind as VersionKind,
  createdAt: toNumber(row.created_at),
  author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
  wordCount: row.word_count,
});

const toSignoff = (row: SignoffRow): SignoffRecord => ({
  id: row.id,
  draftId: row.draft_id,
  versionId: row.version_id,
  hash: row.hash,
  by: { id: row.by_id, name: row.by_name },
  at: toNumber(row.at),
  note: row.note,
  override: row.override,
  openFlags: JSON.parse(row.open_flags) as OpenFlagRef[],
});

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
      `SELECT ${META_COLUMNS} FROM versions WHERE draft_id = $1 ORDER BY created_at DESC, position DESC`,
      [draftId],
    );
    return rows.map(toMeta);
  }

  async findVersion(draftId: string, versionId: string): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query<VersionRow>('SELECT * FROM versions WHERE draft_id = $1 AND id = $2', [
      draftId,
      versionId,
    ]);
    const row = rows[0];
    return row ? { ...toMeta(row), state: new Uint8Array(row.state!) } : undefined;
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
    return rows.map((row) => ({
      draftId: row.draft_id,
      state: row.state as DeskStateName,
      locked: row.locked,
      updatedAt: toNumber(row.updated_at),
    }));
  }
}
