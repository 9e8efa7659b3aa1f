import { Hono } from 'hono';
import { z } from 'zod';
import type { ActivityList } from '../../../shared/api/annotationAnswers.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { notFound } from '../../appError.ts';
import type { ActivityLog } from '../../storage/ActivityLog.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import type { AuthEnv } from '../middleware/authEnv.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { describeIssues } from '../parseBody.ts';
import { validationFailed } from '../../appError.ts';
import { toActivityEntryView } from '../presenters/activityPresenter.ts';
import { draftIdOf } from './annotations.ts';

export interface ActivityRouteDeps {
  activity: ActivityLog;
  store: DocumentStore;
}

export const DEFAULT_ACTIVITY_PAGE = 50;
export const MAX_ACTIVITY_PAGE = 200;

const pageSchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE).optional(),
});

/** `GET /api/docs/:id/activity?before=&limit=`: the draft's activity (flags, versions, sign-offs, desk), newest first. */
export function activityRoutes(deps: ActivityRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/', requirePermission(ACTIONS.readDrafts), async (c) => {
    const draftId = draftIdOf(c);
    const page = pageSchema.safeParse(c.req.query());
    if (!page.success) throw validationFailed(describeIssues(page.error));
    if (!(await deps.store.findDraft(draftId))) throw notFound(`no draft with id ${JSON.stringify(draftId)}`);
    const entries = await deps.activity.listActivity(draftId, {
      before: page.data.before,
      limit: page.data.limit ?? DEFAULT_ACTIVITY_PAGE,
    });
    return c.json<ActivityList>({ entries: entries.map(toActivityEntryView) });
  });
  /** `GET /api/docs/:id/activity/verify`: `{ ok: true, entries }` or `{ ok: false, brokenAt, entries }`. */
  app.get('/verify', requirePermission(ACTIONS.readDrafts), async (c) => {
    const draftId = draftIdOf(c);
    if (!(await deps.store.findDraft(draftId))) throw notFound(`no draft with id ${JSON.stringify(draftId)}`);
    return c.json(await deps.activity.verifyActivity(draftId));
  });
  return app;
}
