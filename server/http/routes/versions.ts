import { Hono } from 'hono';
import { compareQuerySchema, saveVersionBodySchema } from '../../../shared/api/versions.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { validationFailed } from '../../appError.ts';
import type { VersionMeta } from '../../storage/VersionStore.ts';
import { compareMoments } from '../../versions/compareMoments.ts';
import { LIVE, listVersions, readMoment } from '../../versions/readVersions.ts';
import { restoreVersion } from '../../versions/restoreVersion.ts';
import { saveNamedVersion } from '../../versions/saveVersion.ts';
import type { VersionDeps } from '../../versions/versionDeps.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { describeIssues, parseJsonBody } from '../parseBody.ts';
import { toVersionView, toVersionViews } from '../presenters/versionPresenter.ts';
import { draftIdOf } from './annotations.ts';

export interface VersionRouteDeps {
  versionDeps: VersionDeps;
  maxJsonBodyBytes: number;
}

/**
 * `/api/docs/:id/versions`: list, save, open and restore versions. Thin: the
 * commands in server/versions check roles and rules. Needs `drafts.read`;
 * restore also needs the role to edit copy (checked by the command).
 */
export function versionRoutes(deps: VersionRouteDeps) {
  const { versionDeps } = deps;
  const app = new Hono<AuthEnv>();
  app.use('*', requirePermission(ACTIONS.readDrafts));
  const jsonLimit = jsonBodyLimit(deps.maxJsonBodyBytes);

  app.get('/', async (c) => {
    const versions = await listVersions(versionDeps, draftIdOf(c));
    return c.json({ versions: toVersionViews(versions) });
  });

  app.post('/', jsonLimit, async (c) => {
    const { name } = await parseJsonBody(c, saveVersionBodySchema);
    const draftId = draftIdOf(c);
    const version = await saveNamedVersion(versionDeps, { draftId, principal: principalOf(c), name });
    return c.json({ version: await viewOf(deps, draftId, version) }, 201);
  });

  app.get('/:vid', async (c) => {
    const draftId = draftIdOf(c);
    const moment = await readMoment(versionDeps, draftId, versionIdOf(c.req.param('vid')));
    return c.json({ version: await viewOf(deps, draftId, moment.version!), content: moment.content, flags: moment.flags });
  });

  app.post('/:vid/restore', async (c) => {
    const draftId = draftIdOf(c);
    const version = await restoreVersion(versionDeps, {
      draftId,
      versionId: versionIdOf(c.req.param('vid')),
      principal: principalOf(c),
    });
    return c.json({ version: await viewOf(deps, draftId, version) });
  });

  return app;
}

/** `GET /api/docs/:id/compare?from=&to=`: either side a version id or `live`. */
export function compareRoutes(deps: VersionRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/', requirePermission(ACTIONS.readDrafts), async (c) => {
    const query = compareQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationFailed(describeIssues(query.error));
    const draftId = draftIdOf(c);
    const result = await compareMoments(deps.versionDeps, draftId, query.data.from, query.data.to);
    const side = async (version: VersionMeta | null) => (version ? viewOf(deps, draftId, version) : LIVE);
    return c.json({ ...result, from: await side(result.from), to: await side(result.to) });
  });
  return app;
}

/** A version with its delta against the next older one. */
async function viewOf(deps: VersionRouteDeps, draftId: string, version: VersionMeta) {
  const all = await deps.versionDeps.versions.listVersions(draftId);
  const index = all.findIndex((v) => v.id === version.id);
  return toVersionView(version, all[index + 1]?.wordCount ?? 0);
}

/** `live` is not a stored version: opening or restoring it is 404. */
function versionIdOf(vid: string | undefined): string {
  return vid === LIVE ? '\u0000live' : (vid ?? '');
}
