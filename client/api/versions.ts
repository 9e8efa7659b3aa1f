import { z } from 'zod/mini';
import { DESK_STATE_NAMES, deskStateSchema, MANUAL_DESK_STATE_NAMES, type DeskState } from '../../shared/api/versions.ts';
import { ApiError } from './ApiError.ts';
import { requestJson } from './request.ts';

/**
 * Versions, compare, restore, sign-offs, the desk's state and lock, exports
 * and the activity chain check. Each call rejects with an ApiError
 * (`not_found`, `forbidden`, `conflict`, `validation_failed`, …); a sign-off
 * refused for open legal-risk flags is a 409 `conflict` whose message names them
 * and whose `details.openLegalFlags` lists them (see `refusedLegalFlags`).
 *
 * The answers are read leniently (unknown fields pass, optional ones default)
 * so that a server that adds fields does not break the panel.
 */

const personSchema = z.object({ id: z.string(), name: z.string() });
export type PersonView = z.infer<typeof personSchema>;

export const VERSION_KINDS = ['named', 'checkpoint', 'restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

const versionSchema = z.looseObject({
  id: z.string(),
  name: z._default(z.nullable(z.string()), null),
  kind: z.catch(z.string(), 'named'),
  createdAt: z.string(),
  author: z._default(z.nullable(personSchema), null),
  wordCount: z._default(z.nullable(z.number()), null),
  wordDelta: z._default(z.nullable(z.number()), null),
});
export type VersionView = z.infer<typeof versionSchema>;

const flagViewSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  status: z._default(z.string(), 'open'),
  quote: z._default(z.string(), ''),
});
export type VersionFlag = z.infer<typeof flagViewSchema>;

/** Flags arrive as a list or as a map id -> flag; both become a list. */
const flagsSchema = z.pipe(
  z.nullish(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])),
  z.transform((value): VersionFlag[] => {
    if (!value) return [];
    const entries = Array.isArray(value) ? value.map((flag) => [undefined, flag] as const) : Object.entries(value);
    const flags: VersionFlag[] = [];
    for (const [id, raw] of entries) {
      const withId = typeof raw === 'object' && raw !== null && id !== undefined ? { id, ...raw } : raw;
      const parsed = flagViewSchema.safeParse(withId);
      if (parsed.success) flags.push(parsed.data);
    }
    return flags;
  }),
);

/** ProseMirror JSON of a whole draft; checked by the editor's schema when it is drawn. */
const contentSchema = z.looseObject({ type: z.string() });
export type DraftJSON = z.infer<typeof contentSchema>;

const versionListSchema = z.object({ versions: z.array(versionSchema) });
const versionAnswerSchema = z.object({ version: versionSchema });
const versionContentSchema = z.object({ version: versionSchema, content: contentSchema, flags: flagsSchema });
export type VersionContent = z.infer<typeof versionContentSchema>;

/** One side of a compare: a version, or `live` (the draft as it is now). */
const compareSideSchema = z.catch(z.union([versionSchema, z.string(), z.null()]), null);

const compareSchema = z.looseObject({
  from: compareSideSchema,
  to: compareSideSchema,
  changes: z.nullish(
    z.union([
      z.number(),
      z.looseObject({ inserted: z.optional(z.number()), deleted: z.optional(z.number()) }),
      z.array(z.unknown()),
    ]),
  ),
  diff: contentSchema,
  flagsFrom: flagsSchema,
  flagsTo: flagsSchema,
});
export type CompareAnswer = z.infer<typeof compareSchema>;

const signoffSchema = z.looseObject({
  id: z.string(),
  versionId: z._default(z.nullable(z.string()), null),
  hash: z.string(),
  by: z._default(z.nullable(personSchema), null),
  at: z.string(),
  note: z._default(z.string(), ''),
  override: z._default(z.nullable(z.string()), null),
  openFlags: flagsSchema,
  locked: z.optional(z.boolean()),
});
export type SignoffView = z.infer<typeof signoffSchema>;
const signoffListSchema = z.object({ signoffs: z.array(signoffSchema) });
const signoffAnswerSchema = z.looseObject({ signoff: signoffSchema });

export const DESK_STATES = DESK_STATE_NAMES;
export type { DeskState };
/** The states a person moves a draft between by hand; the others follow a sign-off. */
export const MANUAL_DESK_STATES = MANUAL_DESK_STATE_NAMES;

export const deskSchema = z.looseObject({
  state: z.catch(deskStateSchema, 'draft'),
  locked: z.catch(z.boolean(), false),
  lockedBy: z._default(z.catch(z.nullable(personSchema), null), null),
  lockedAt: z._default(z.catch(z.nullable(z.string()), null), null),
  lastSignoff: z._default(z.catch(z.nullable(signoffSchema), null), null),
});
export type DeskView = z.infer<typeof deskSchema>;

/** Who locked the copy and when, or null when it is not locked. */
export function lockOf(desk: DeskView | null): { by: PersonView | null; at: string | null } | null {
  if (!desk?.locked) return null;
  return { by: desk.lockedBy ?? desk.lastSignoff?.by ?? null, at: desk.lockedAt ?? desk.lastSignoff?.at ?? null };
}

const verifySchema = z.looseObject({
  ok: z.boolean(),
  entries: z.optional(z.number()),
  brokenAt: z.nullish(z.union([z.number(), z.string()])),
});
export type VerifyAnswer = z.infer<typeof verifySchema>;

const anyAnswerSchema = z.unknown();

const docPath = (draftId: string) => `/api/docs/${encodeURIComponent(draftId)}`;

export async function listVersions(draftId: string, signal?: AbortSignal): Promise<VersionView[]> {
  return (await requestJson(`${docPath(draftId)}/versions`, versionListSchema, { signal })).versions;
}

export async function saveVersion(draftId: string, name: string): Promise<VersionView> {
  return (await requestJson(`${docPath(draftId)}/versions`, versionAnswerSchema, { method: 'POST', body: { name } })).version;
}

export async function getVersion(draftId: string, versionId: string, signal?: AbortSignal): Promise<VersionContent> {
  return requestJson(`${docPath(draftId)}/versions/${encodeURIComponent(versionId)}`, versionContentSchema, { signal });
}

/** `from` and `to` are version ids or `live`. */
export async function compareVersions(draftId: string, from: string, to: string, signal?: AbortSignal): Promise<CompareAnswer> {
  const query = new URLSearchParams({ from, to });
  return requestJson(`${docPath(draftId)}/compare?${query}`, compareSchema, { signal });
}

export async function restoreVersion(draftId: string, versionId: string): Promise<void> {
  await requestJson(`${docPath(draftId)}/versions/${encodeURIComponent(versionId)}/restore`, anyAnswerSchema, {
    method: 'POST',
    body: {},
  });
}

export async function listSignoffs(draftId: string, signal?: AbortSignal): Promise<SignoffView[]> {
  return (await requestJson(`${docPath(draftId)}/signoffs`, signoffListSchema, { signal })).signoffs;
}

export interface SignOffBody {
  note: string;
  /** Why the chief signs off although legal-risk flags are open; required then. */
  override?: string;
  /** Lock the copy after signing off. */
  lock?: boolean;
}

export async function signOff(draftId: string, body: SignOffBody): Promise<SignoffView | null> {
  const answer = await requestJson(`${docPath(draftId)}/signoffs`, z.union([signoffAnswerSchema, anyAnswerSchema]), { method: 'POST', body });
  const parsed = signoffAnswerSchema.safeParse(answer);
  return parsed.success ? parsed.data.signoff : null;
}

/**
 * The open legal-risk flags a refused sign-off (409) lists in its
 * `details.openLegalFlags`; empty for any other error or when none came.
 */
export function refusedLegalFlags(error: unknown): VersionFlag[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const parsed = flagsSchema.safeParse(error.details?.openLegalFlags ?? null);
  return parsed.success ? parsed.data : [];
}

export async function getDesk(draftId: string, signal?: AbortSignal): Promise<DeskView> {
  const answer = await requestJson(`${docPath(draftId)}/desk`, z.union([z.object({ desk: deskSchema }), deskSchema]), { signal });
  return 'desk' in answer && typeof answer.desk === 'object' && answer.desk !== null && 'state' in answer.desk
    ? (answer.desk as DeskView)
    : (answer as DeskView);
}

export async function setDeskState(draftId: string, state: DeskState): Promise<void> {
  await requestJson(`${docPath(draftId)}/desk`, anyAnswerSchema, { method: 'POST', body: { state } });
}

export async function lockCopy(draftId: string): Promise<void> {
  await requestJson(`${docPath(draftId)}/lock`, anyAnswerSchema, { method: 'POST', body: {} });
}

export async function unlockCopy(draftId: string): Promise<void> {
  await requestJson(`${docPath(draftId)}/unlock`, anyAnswerSchema, { method: 'POST', body: {} });
}

export const EXPORT_FORMATS = [
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

/** A download link for the live draft (no `versionId`) or one version. */
export function exportUrl(draftId: string, format: ExportFormat, versionId?: string): string {
  const query = new URLSearchParams({ format });
  if (versionId) query.set('version', versionId);
  return `${docPath(draftId)}/export?${query}`;
}

/** Checks the activity log's hash chain on the server. */
export async function verifyActivity(draftId: string, signal?: AbortSignal): Promise<VerifyAnswer> {
  return requestJson(`${docPath(draftId)}/activity/verify`, verifySchema, { signal });
}
