/**
 * Where a draft's versions, sign-offs and desk state live. One interface,
 * SQLite and Postgres implementations, one contract suite
 * (tests/contracts/versionStore.contract.ts).
 *
 * A version is a full Yjs state of the draft at that moment
 * (`Y.encodeStateAsUpdate`, annotations included), never a snapshot of a
 * gc-disabled document: opening one costs its size, and storage grows with
 * the number of versions, not with the edits between them.
 *
 * Sign-offs are immutable. This interface has no call that changes or removes
 * one, and both databases refuse an UPDATE or DELETE of a sign-off row with a
 * trigger, so not even a hand-written query alters one.
 */
import type { ActivityActor } from './ActivityLog.ts';

export const VERSION_KINDS = { named: 'named', checkpoint: 'checkpoint', restore: 'restore' } as const;
export type VersionKind = (typeof VERSION_KINDS)[keyof typeof VERSION_KINDS];

export interface VersionMeta {
  id: string;
  draftId: string;
  name: string;
  kind: VersionKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** null for a checkpoint the server made on its own. */
  author: ActivityActor | null;
  wordCount: number;
}

export interface StoredVersion extends VersionMeta {
  /** `Y.encodeStateAsUpdate` of the draft when the version was taken; apply to an empty Y.Doc. */
  state: Uint8Array;
}

export interface OpenFlagRef {
  id: string;
  kind: string;
  quote: string;
  status: string;
}

export interface SignoffRecord {
  id: string;
  draftId: string;
  versionId: string;
  /** sha256 hex of the version's canonical content (see server/versions/canonicalContent.ts). */
  hash: string;
  by: ActivityActor;
  /** Milliseconds since the epoch. */
  at: number;
  note: string;
  /** The chief's reason for signing off over open legal-risk flags; null when none were open. */
  override: string | null;
  /** Flags open at that moment, every kind. */
  openFlags: OpenFlagRef[];
}

export const DESK_STATES = {
  draft: 'draft',
  inReview: 'in-review',
  legalReview: 'legal-review',
  signedOff: 'signed-off',
  changedSinceSignoff: 'changed-since-signoff',
  spiked: 'spiked',
} as const;
export type DeskStateName = (typeof DESK_STATES)[keyof typeof DESK_STATES];

export interface DeskStateRecord {
  draftId: string;
  state: DeskStateName;
  locked: boolean;
  updatedAt: number;
}

export interface VersionStore {
  /** Stores a version; rejects for an unknown draft or a taken id. */
  storeVersion(version: StoredVersion): Promise<VersionMeta>;
  /** A draft's versions without their states, newest first; empty for an unknown draft. */
  listVersions(draftId: string): Promise<VersionMeta[]>;
  /** One version with its state; undefined when the draft has no version with this id. */
  findVersion(draftId: string, versionId: string): Promise<StoredVersion | undefined>;
  /** Stores a sign-off (its version must be stored first); rejects for a taken id or unknown draft/version. */
  storeSignoff(signoff: SignoffRecord): Promise<SignoffRecord>;
  /** A draft's sign-offs, newest first; empty for an unknown draft. */
  listSignoffs(draftId: string): Promise<SignoffRecord[]>;
  /**
   * The mirror of the draft's `desk` root type that the drafts list reads
   * (the live truth is the root type). Replaces the draft's row.
   */
  storeDeskState(record: DeskStateRecord): Promise<void>;
  /** Every draft's desk state that was ever set; a draft missing here is a plain draft, unlocked. */
  listDeskStates(): Promise<DeskStateRecord[]>;
}
