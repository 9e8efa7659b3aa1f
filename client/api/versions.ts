import { z } from 'zod';
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

const versionSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable().default(null),
    kind: z.string().catch('named'),
    createdAt: z.string(),
    author: personSchema.nullable().default(null),
    wordCount: z.number().nullable().default(null),
    wordDelta: z.number().nullable().default(null),
  })
  .loose();
export type VersionView = z.infer<typeof versionSchema>;

const flagViewSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.string().default('open'),
    quote: z.string().default(''),
  })
  .loose();
export type VersionFlag = z.infer<typeof flagViewSchema>;

/** Flags arrive as a list or as a map id -> flag; both become a list. */
const flagsSchema = z
  .union([z.array(z.unknown()), z.record(z.string(), z.unknown())])
  .nullish()
  .transform((value): VersionFlag[] => {
    if (!value) return [];
    const entries = Array.isArray(value) ? value.map((flag) => [undefined, flag] as const) : Object.entries(value);
    const flags: VersionFlag[] = [];
    for (const [id, raw] of entries) {
      const withId = typeof raw === 'object' && raw !== null && id !== undefined ? { id, ...raw } : raw;
      const parsed = flagViewSchema.safeParse(withId);
      if (parsed.success) flags.push(parsed.data);
    }
    return flags;
  });

/** ProseMirror JSON of a whole draft; checked by the editor's schema when it is drawn. */
const contentSchema = z.object({ type: z.string() }).loose();
export type DraftJSON = z.infer<typeof contentSchema>;

const versionListSchema = z.object({ versions: z.array(versionSchema) });
const versionAnswerSchema = z.object({ version: versionSchema });
const versionContentSchema = z.object({ version: versionSchema, content: contentSchema, flags: flagsSchema });
export type VersionContent = z.infer<typeof versionContentSchema>;

/** One side of a compare: a version, or `live` (the draft as it is now). */
const compareSideSchema = z.union([versionSchema, z.string(), z.null()]).catch(null);

const compareSchema = z
  .object({
    from: compareSideSchema,
    to: compareSideSchema,
    changes: z
      .union([z.number(), z.object({ inserted: z.number().optional(), deleted: z.number().optional() }).loose(), z.array(z.unknown())])
      .nullish(),
    diff: contentSchema,
    flagsFrom: flagsSchema,
    flagsTo: flagsSchema,
  })
  .loose();
export type CompareAnswer = z.infer<typeof compareSchema>;

const signoffSchema = z
  .object({
    id: z.string(),
    versionId: z.string().nullable().default(null),
    hash: z.string(),
    by: personSchema.nullable().default(null),
    at: z.string(),
    note: z.string().default(''),
    override: z.string().nullable().default(null),
    openFlags: flagsSchema,
    locked: z.boolean().optional(),
  })
  .loose();
export type SignoffView = z.infer<typeof signoffSchema>;
const signoffListSchema = z.object({ signoffs: z.array(signoffSchema) });
const signoffAnswerSchema = z.object({ signoff: signoffSchema }).loose();

export const DESK_STATES = DESK_STATE_NAMES;
export type { DeskState };
/** The states a person moves a draft between by hand; the others follow a sign-off. */
export const MANUAL_DESK_STATES = MANUAL_DESK_STATE_NAMES;

export const deskSchema = z
  .object({
    state: deskStateSchema.catch('draft'),
    locked: z.boolean().catch(false),
    lockedBy: personSchema.nullable().catch(null).default(null),
    lockedAt: z.string().nullable().catch(null).default(null),
    lastSignoff: signoffSchema.nullable().catch(null).default(null),
  })
  .loose();
export type DeskView = z.infer<typeof deskSchema>;

/** Who locked the copy and when, or null when it is not locked. */
export function lockOf(desk: DeskView | null): { by: PersonView | null; at: string | null } | null {
  if (!desk?.locked) return null;
  return { by: desk.lockedBy ?? desk.lastSignoff?.by ?? null, at: desk.lockedAt ?? desk.lastSignoff?.at ?? null };
}

const verifySchema = z
  .object({ ok: z.boolean(), entries: z.number().optional(), brokenAt: z.union([z.number(), z.string()]).nullish() })
  .loose();
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
  const answer = await requestJson(`${docPath(draftId)}/signoffs`, signoffAnswerSchema.or(anyAnswerSchema), { method: 'POST', body });
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
