import { Hono } from 'hono';
import { exportQuerySchema } from '../../../shared/api/versions.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { notFound, validationFailed } from '../../appError.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import { exportAt } from '../../versions/exportAt.ts';
import { LIVE } from '../../versions/readVersions.ts';
import type { VersionDeps } from '../../versions/versionDeps.ts';
import type { AuthEnv } from '../middleware/authEnv.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { describeIssues } from '../parseBody.ts';
import { draftIdOf } from './annotations.ts';

/** `GET /api/docs/:id/export?format=html|md|json&version=`: the live draft, or a version, as a download. */
export function exportRoutes(deps: { versionDeps: VersionDeps; store: DocumentStore }) {
  const app = new Hono<AuthEnv>();
  app.get('/', requirePermission(ACTIONS.readDrafts), async (c) => {
    const query = exportQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationFailed(describeIssues(query.error));
    const draftId = draftIdOf(c);
    const draft = await deps.store.findDraft(draftId);
    if (!draft) throw notFound(`no draft with id ${JSON.stringify(draftId)}`);
    const file = await exportAt(deps.versionDeps, {
      draftId,
      versionId: query.data.version ?? LIVE,
      title: draft.title,
      format: query.data.format,
    });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(file.body);
  });
  return app;
}
