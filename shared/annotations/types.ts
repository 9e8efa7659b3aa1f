import type { ClaimState, FlagKind, FlagStatus, LegalCategory, LegalDecision, LegalSeverity } from './kinds.ts';

/**
 * A flag as it lives in the draft's `annotations` root type (a Y.Map from
 * flag id to a Y.Map holding these fields; `comments` is a Y.Array of
 * Comment objects). Only the server writes it. Times are ISO 8601 strings.
 */
export interface PersonRef {
  id: string;
  name: string;
}

export interface CommentEdit {
  text: string;
  editedAt: string;
}

export interface Comment {
  id: string;
  author: PersonRef;
  text: string;
  createdAt: string;
  /** Earlier versions, oldest first; empty when never edited. */
  history: CommentEdit[];
  /** A deleted comment keeps its place in the thread with no text. */
  deleted: boolean;
}

export interface ClaimFields {
  verification: ClaimState;
  evidence?: string;
  verifiedBy?: PersonRef;
  verifiedAt?: string;
}

export interface SourceFields {
  attribution?: string;
}

export interface LegalFields {
  category?: LegalCategory;
  severity?: LegalSeverity;
  decision?: LegalDecision;
}

export interface FlagEvent {
  at: string;
  by: PersonRef | null;
  /** created, resolved, reopened, changed-after-clearance, assigned, fields */
  action: string;
  note?: string;
  /** changed-after-clearance: the text legal cleared, and the text of the span when the change was seen. */
  before?: string;
  after?: string;
}

export interface Flag {
  id: string;
  kind: FlagKind;
  /** base64 of Y.encodeRelativePosition: where the span starts and ends in `body`. */
  start: string;
  end: string;
  /** The flagged text when the flag was made. */
  quote: string;
  status: FlagStatus;
  createdBy: PersonRef;
  createdAt: string;
  resolvedBy?: PersonRef;
  resolvedAt?: string;
  /** For a resolved legal-risk flag: the text legal cleared, to detect later changes. */
  clearedQuote?: string;
  assignee?: PersonRef;
  dueAt?: string;
  claim?: ClaimFields;
  source?: SourceFields;
  legal?: LegalFields;
  events: FlagEvent[];
  comments: Comment[];
}
