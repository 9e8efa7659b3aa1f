import { Hono } from 'hono';
import { setDeskStateBodySchema } from '../../../shared/api/versions.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { getDesk, setCopyLock, setDeskState } from '../../versions/deskState.ts';
import type { VersionDeps } from '../../versions/versionDeps.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { parseJsonBody } from '../parseBody.ts';
import { draftIdOf } from './annotations.ts';

/**
 * Mounted at `/api/docs/:id`: `GET`/`POST /desk` (state), `POST /lock`,
 * `POST /unlock`. The commands check the roles (403) and rules (409).
 */
export function deskRoutes(deps: { versionDeps: VersionDeps; maxJsonBodyBytes: number }) {
  const { versionDeps } = deps;
  const app = new Hono<AuthEnv>();
  const mayRead = requirePermission(ACTIONS.readDrafts);

  app.get('/desk', mayRead, async (c) => c.json(await getDesk(versionDeps, draftIdOf(c))));

  app.post('/desk', mayRead, jsonBodyLimit(deps.maxJsonBodyBytes), async (c) => {
    const { state } = await parseJsonBody(c, setDeskStateBodySchema);
    return c.json(await setDeskState(versionDeps, { draftId: draftIdOf(c), principal: principalOf(c), state }));
  });

  app.post('/lock', mayRead, async (c) =>
    c.json(await setCopyLock(versionDeps, { draftId: draftIdOf(c), principal: principalOf(c), locked: true })),
  );
  app.post('/unlock', mayRead, async (c) =>
    c.json(await setCopyLock(versionDeps, { draftId: draftIdOf(c), principal: principalOf(c), locked: false })),
  );
  return app;
}
