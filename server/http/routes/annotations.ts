import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  commentBodySchema,
  createFlagBodySchema,
  patchFlagBodySchema,
  resolveFlagBodySchema,
} from '../../../shared/api/annotations.ts';
import type { FlagAnswer, FlagList } from '../../../shared/api/annotationAnswers.ts';
import { DRAFT_ID_PATTERN } from '../../../shared/api/drafts.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { notFound, validationFailed } from '../../appError.ts';
import type { AnnotationDeps } from '../../annotations/annotationDeps.ts';
import { createFlag } from '../../annotations/createFlag.ts';
import { addComment, deleteComment, editComment } from '../../annotations/flagComments.ts';
import { listFlags, viewFlag } from '../../annotations/listFlags.ts';
import { patchFlag } from '../../annotations/patchFlag.ts';
import { reopenFlag, resolveFlag } from '../../annotations/resolveFlag.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { parseJsonBody } from '../parseBody.ts';
import { renderLegalReport } from '../presenters/legalReportPage.ts';

export interface AnnotationRouteDeps {
  annotations: AnnotationDeps;
  store: DocumentStore;
  maxJsonBodyBytes: number;
}

const listQuerySchema = z.object({ format: z.enum(['json', 'html']).optional() });

/**
 * `/api/docs/:id/annotations`: a draft's flags and their threads. Thin: each
 * route parses its body and hands it to a command in server/annotations,
 * which checks the role and the rules (403 with a reason), writes the draft
 * and logs activity. Reading needs `drafts.read`.
 */
export function annotationRoutes(deps: AnnotationRouteDeps) {
  const { annotations } = deps;
  const app = new Hono<AuthEnv>();
  app.use('*', requirePermission(ACTIONS.readDrafts));
  const jsonLimit = jsonBodyLimit(deps.maxJsonBodyBytes);

  const answer = async (c: Context<AuthEnv>, flagId: string, status: 200 | 201 = 200) => {
    const flag = await viewFlag(annotations, draftIdOf(c), flagId);
    if (!flag) throw notFound('the flag is gone');
    return c.json<FlagAnswer>({ flag }, status);
  };

  app.get('/', async (c) => {
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationFailed('format: json or html');
    const draftId = draftIdOf(c);
    const flags = await listFlags(annotations, draftId);
    if (query.data.format === 'html') {
      const draft = await deps.store.findDraft(draftId);
      c.header('Cache-Control', 'no-store');
      return c.html(renderLegalReport({ title: draft?.title ?? draftId, flags, generatedAt: new Date() }));
    }
    return c.json<FlagList>({ flags });
  });

  app.post('/', jsonLimit, async (c) => {
    const body = await parseJsonBody(c, createFlagBodySchema);
    const flag = await createFlag(annotations, { draftId: draftIdOf(c), principal: principalOf(c), ...body });
    return answer(c, flag.id, 201);
  });

  app.patch('/:aid', jsonLimit, async (c) => {
    const patch = await parseJsonBody(c, patchFlagBodySchema);
    const flag = await patchFlag(annotations, { ...flagOf(c), patch });
    return answer(c, flag.id);
  });

  app.post('/:aid/comments', jsonLimit, async (c) => {
    const { text } = await parseJsonBody(c, commentBodySchema);
    const flag = await addComment(annotations, { ...flagOf(c), text });
    return answer(c, flag.id, 201);
  });

  app.patch('/:aid/comments/:cid', jsonLimit, async (c) => {
    const { text } = await parseJsonBody(c, commentBodySchema);
    const flag = await editComment(annotations, { ...flagOf(c), commentId: c.req.param('cid'), text });
    return answer(c, flag.id);
  });

  app.delete('/:aid/comments/:cid', async (c) => {
    await deleteComment(annotations, { ...flagOf(c), commentId: c.req.param('cid') });
    return c.body(null, 204);
  });

  app.post('/:aid/resolve', jsonLimit, async (c) => {
    const body = await optionalBody(c);
    const flag = await resolveFlag(annotations, { ...flagOf(c), note: body.note || undefined });
    return answer(c, flag.id);
  });

  app.post('/:aid/reopen', jsonLimit, async (c) => {
    const body = await optionalBody(c);
    const flag = await reopenFlag(annotations, { ...flagOf(c), note: body.note || undefined });
    return answer(c, flag.id);
  });

  return app;
}

/** The draft id of the mount path; 404 for one that cannot be a draft id. */
export function draftIdOf(c: Context<AuthEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!DRAFT_ID_PATTERN.test(id)) throw notFound(`no draft with id ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

const flagOf = (c: Context<AuthEnv>) => ({
  draftId: draftIdOf(c),
  flagId: c.req.param('aid') ?? '',
  principal: principalOf(c),
});

/** Resolve and reopen take an optional `{ note }`; no body at all is the same as `{}`. */
const optionalBody = async (c: Context<AuthEnv>) =>
  c.req.header('content-length') === '0' || !c.req.header('content-type')
    ? {}
    : await parseJsonBody(c, resolveFlagBodySchema);
