import { z } from 'zod/mini';

/**
 * Bodies and answers of the versions, compare, sign-off, desk and export API
 * (README "Versions, sign-off and export"). ProseMirror JSON travels as
 * `DraftJSON`; diff marks (`diffInsert`, `diffDelete`) exist only in compare
 * answers, for the client's read-only view.
 */
export const MAX_VERSION_NAME_CHARS = 120;
export const MAX_SIGNOFF_NOTE_CHARS = 2000;

export const VERSION_KIND_NAMES = ['named', 'checkpoint', 'restore'] as const;
export const DESK_STATE_NAMES = ['draft', 'in-review', 'legal-review', 'signed-off', 'changed-since-signoff', 'spiked'] as const;
/**
 * The states a person moves a draft between; 'signed-off' follows a sign-off,
 * 'changed-since-signoff' an edit after it. 'spiked' is a story killed: it
 * will not run, it leaves the desk's list, and it is kept, to be brought back
 * by moving it to another state.
 */
export const MANUAL_DESK_STATE_NAMES = ['draft', 'in-review', 'legal-review', 'spiked'] as const;
export const deskStateSchema = z.enum(DESK_STATE_NAMES);
export type DeskState = z.infer<typeof deskStateSchema>;

export const saveVersionBodySchema = z.strictObject({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'a version needs a name'),
      z.maxLength(MAX_VERSION_NAME_CHARS, `a name has at most ${MAX_VERSION_NAME_CHARS} characters`),
    ),
});
export type SaveVersionBody = z.infer<typeof saveVersionBodySchema>;

export const signOffBodySchema = z.strictObject({
  note: z._default(z.string().check(z.trim(), z.maxLength(MAX_SIGNOFF_NOTE_CHARS)), ''),
  /** Required while legal-risk flags are open: why the chief signs off anyway. */
  override: z.optional(
    z.string().check(z.trim(), z.minLength(1, 'an override needs a reason'), z.maxLength(MAX_SIGNOFF_NOTE_CHARS)),
  ),
  /** Lock the copy after signing off. */
  lock: z.optional(z.boolean()),
});
export type SignOffBody = z.infer<typeof signOffBodySchema>;

export const setDeskStateBodySchema = z.strictObject({ state: z.enum(MANUAL_DESK_STATE_NAMES) });

export const compareQuerySchema = z.object({
  from: z.string().check(z.minLength(1, 'from: a version id or live')),
  to: z.string().check(z.minLength(1, 'to: a version id or live')),
});

export const exportQuerySchema = z.object({
  format: z._default(z.enum(['html', 'md', 'json']), 'html'),
  version: z.optional(z.string().check(z.minLength(1))),
});

export interface PersonView {
  id: string;
  name: string;
}

/** A version in lists and answers. `wordDelta` is against the next older version (its own count for the oldest). */
export interface VersionView {
  id: string;
  name: string;
  kind: (typeof VERSION_KIND_NAMES)[number];
  createdAt: string;
  author: PersonView | null;
  wordCount: number;
  wordDelta: number;
}

export interface OpenFlagView {
  id: string;
  kind: string;
  quote: string;
  status: string;
}

export interface SignoffView {
  id: string;
  versionId: string;
  /** sha256 hex of the canonical JSON of the signed copy (keys sorted, no whitespace, `body` only). */
  hash: string;
  by: PersonView;
  at: string;
  note: string;
  override: string | null;
  openFlags: OpenFlagView[];
}

export interface DeskView {
  state: DeskState;
  locked: boolean;
  lockedBy: PersonView | null;
  lockedAt: string | null;
  lastSignoff: SignoffView | null;
}

export interface VerifyActivityAnswer {
  ok: boolean;
  entries: number;
  brokenAt?: number;
}
