import { Hono } from 'hono';
import { signOffBodySchema } from '../../../shared/api/versions.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { listSignoffs, signOff } from '../../versions/signOff.ts';
import type { VersionDeps } from '../../versions/versionDeps.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { parseJsonBody } from '../parseBody.ts';
import { toSignoffView } from '../presenters/versionPresenter.ts';
import { draftIdOf } from './annotations.ts';

/**
 * `/api/docs/:id/signoffs`: list and make sign-offs. There is deliberately no
 * PATCH or DELETE: a sign-off is immutable (the store refuses it too).
 */
export function signoffRoutes(deps: { versionDeps: VersionDeps; maxJsonBodyBytes: number }) {
  const app = new Hono<AuthEnv>();
  app.use('*', requirePermission(ACTIONS.readDrafts));

  app.get('/', async (c) => {
    const signoffs = await listSignoffs(deps.versionDeps, draftIdOf(c));
    return c.json({ signoffs: signoffs.map(toSignoffView) });
  });

  app.post('/', jsonBodyLimit(deps.maxJsonBodyBytes), async (c) => {
    const body = await parseJsonBody(c, signOffBodySchema);
    const signoff = await signOff(deps.versionDeps, { draftId: draftIdOf(c), principal: principalOf(c), ...body });
    return c.json({ signoff: toSignoffView(signoff) }, 201);
  });
  return app;
}
