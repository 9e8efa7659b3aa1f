import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  DRAFT_ID_PATTERN,
  createDraftBodySchema,
  importDraftBodySchema,
  importFormatSchema,
  patchDraftBodySchema,
  titleSchema,
  type DraftAnswer,
  type DraftList,
  type PresentPerson,
} from '../../../shared/api/drafts.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { badRequest, notFound, payloadTooLarge, unsupportedMediaType, validationFailed } from '../../appError.ts';
import { newDraftId } from '../../drafts/draftId.ts';
import { emptyDraftState, importDraft } from '../../drafts/importDraft.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import type { VersionStore } from '../../storage/VersionStore.ts';
import { z } from 'zod';
import { deskStateSchema } from '../../../shared/api/versions.ts';
import type { AuthEnv } from '../middleware/authEnv.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { describeIssues, parseJsonBody } from '../parseBody.ts';
import { toDraftSummary } from '../presenters/draftPresenter.ts';

export interface DocsRouteDeps {
  store: DocumentStore;
  /** Who is in each of these drafts right now. */
  presentIn: (draftIds: readonly string[]) => Promise<Map<string, PresentPerson[]>>;
  /** The desk states mirrored by the version commands; a draft missing here is a plain draft. */
  versions: Pick<VersionStore, 'listDeskStates'>;
  maxImportBytes: number;
  maxJsonBodyBytes: number;
}

const UNTITLED = 'Untitled draft';

type DeskState = z.infer<typeof deskStateSchema>;
const listQuerySchema = z.object({ state: z.optional(deskStateSchema) });

/**
 * `/api/docs`: list, create, read, rename and import drafts. Mounted behind
 * requireSignIn; each route checks its action against the caller's role.
 */
export function docsRoutes(deps: DocsRouteDeps) {
  const { store } = deps;
  const app = new Hono<AuthEnv>();
  const mayRead = requirePermission(ACTIONS.readDrafts);
  const mayCreate = requirePermission(ACTIONS.createDrafts);
  const mayRename = requirePermission(ACTIONS.renameDrafts);
  const deskStates = async () => new Map((await deps.versions.listDeskStates()).map((d) => [d.draftId, d.state]));
  const summary = (record: Parameters<typeof toDraftSummary>[0], states?: Map<string, DeskState>, present?: Map<string, PresentPerson[]>) =>
    toDraftSummary(record, present?.get(record.id) ?? [], states?.get(record.id));
  const summaryWithState = async (record: Parameters<typeof toDraftSummary>[0]) => {
    const [states, present] = await Promise.all([deskStates(), deps.presentIn([record.id])]);
    return summary(record, states, present);
  };

  const getDraft = async (id: string) => {
    const record = DRAFT_ID_PATTERN.test(id) ? await store.findDraft(id) : undefined;
    if (!record) throw notFound(`no draft with id ${JSON.stringify(id.slice(0, 80))}`);
    return record;
  };

  const jsonLimit = bodyLimit({
    maxSize: deps.maxJsonBodyBytes,
    onError: () => {
      throw payloadTooLarge(`the body is larger than ${deps.maxJsonBodyBytes} bytes`);
    },
  });

  app.get('/', mayRead, async (c) => {
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationFailed(describeIssues(query.error));
    const [drafts, states] = await Promise.all([store.listDrafts(), deskStates()]);
    const wanted = query.data.state;
    const listed = wanted ? drafts.filter((record) => (states.get(record.id) ?? 'draft') === wanted) : drafts;
    const present = await deps.presentIn(listed.map((record) => record.id));
    return c.json<DraftList>({ drafts: listed.map((record) => summary(record, states, present)) });
  });

  app.post('/', mayCreate, jsonLimit, async (c) => {
    const body = c.req.header('content-length') === '0' ? {} : await parseJsonBody(c, createDraftBodySchema);
    const record = await store.createDraft({
      id: newDraftId(),
      title: body.title ?? UNTITLED,
      state: emptyDraftState(),
    });
    return c.json<DraftAnswer>({ draft: summary(record) }, 201);
  });

  // Multipart adds a little framing around the file; allow for it in the transport limit.
  const importLimit = bodyLimit({
    maxSize: deps.maxImportBytes + 64 * 1024,
    onError: () => {
      throw payloadTooLarge(`the file is larger than ${deps.maxImportBytes} bytes`);
    },
  });

  app.post('/import', mayCreate, importLimit, async (c) => {
    const input = await readImport(c);
    if (input.bytes.byteLength > deps.maxImportBytes) {
      throw payloadTooLarge(`the file is larger than ${deps.maxImportBytes} bytes`);
    }
    const imported = importDraft({ bytes: input.bytes, format: input.format, filename: input.filename });
    const record = await store.createDraft({
      id: newDraftId(),
      title: input.title ?? titleFromHeadline(imported.headline, input.filename),
      state: imported.state,
    });
    return c.json<DraftAnswer>({ draft: summary(record) }, 201);
  });

  app.get('/:id', mayRead, async (c) => {
    const record = await getDraft(c.req.param('id'));
    return c.json<DraftAnswer>({ draft: await summaryWithState(record) });
  });

  app.patch('/:id', mayRename, jsonLimit, async (c) => {
    const id = c.req.param('id');
    await getDraft(id);
    const body = await parseJsonBody(c, patchDraftBodySchema);
    const record = await store.renameDraft(id, body.title);
    if (!record) throw notFound(`no draft with id ${JSON.stringify(id)}`);
    return c.json<DraftAnswer>({ draft: await summaryWithState(record) });
  });

  return app;
}

interface ImportInput {
  bytes: Uint8Array;
  format?: 'markdown' | 'html' | 'text';
  filename?: string;
  title?: string;
}

/** Reads an import from JSON `{ content, format?, filename?, title? }` or a multipart upload. */
async function readImport(c: Context): Promise<ImportInput> {
  const contentType = c.req.header('content-type') ?? '';
  if (/^application\/json\b/i.test(contentType)) {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw badRequest('the body is not valid JSON');
    }
    const parsed = importDraftBodySchema.safeParse(raw);
    if (!parsed.success) throw validationFailed(describeIssues(parsed.error));
    return {
      bytes: new TextEncoder().encode(parsed.data.content),
      format: parsed.data.format,
      filename: parsed.data.filename,
      title: parsed.data.title,
    };
  }
  if (/^multipart\/form-data\b/i.test(contentType)) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw badRequest('the form data could not be read');
    }
    const file = form.file;
    if (!(file instanceof File)) throw badRequest('attach the copy as the form field "file"');
    const format = optionalField(form.format, importFormatSchema, 'format');
    const title = optionalField(form.title, titleSchema, 'title');
    return { bytes: new Uint8Array(await file.arrayBuffer()), format, filename: file.name, title };
  }
  throw unsupportedMediaType('send JSON { content, format } or multipart/form-data with a "file" field');
}

function optionalField<T extends z.core.$ZodType>(value: unknown, schema: T, name: string): z.infer<T> | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw validationFailed(`${name}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function titleFromHeadline(headline: string, filename: string | undefined): string {
  const fromHeadline = headline.trim().slice(0, 200);
  if (fromHeadline) return fromHeadline;
  const fromFile = filename?.replace(/\.[^.]+$/, '').trim().slice(0, 200);
  return fromFile || UNTITLED;
}
