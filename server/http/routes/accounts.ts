import { Hono } from 'hono';
import {
  createAccountBodySchema,
  patchAccountBodySchema,
  type Account,
} from '../../../shared/api/auth.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import { addAccount, editAccount } from '../../auth/accounts.ts';
import type { AccountStore } from '../../storage/AccountStore.ts';
import type { AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { requirePermission } from '../middleware/requirePermission.ts';
import { parseJsonBody } from '../parseBody.ts';
import { toAccount } from '../presenters/accountPresenter.ts';

export interface AccountRouteDeps {
  accounts: AccountStore;
  maxJsonBodyBytes: number;
  now: () => number;
}

/** `/api/accounts`: the admin's list of accounts; add, change role or name, disable, reset a password. */
export function accountRoutes(deps: AccountRouteDeps) {
  const { accounts } = deps;
  const app = new Hono<AuthEnv>();
  app.use('*', requirePermission(ACTIONS.manageAccounts));
  const jsonLimit = jsonBodyLimit(deps.maxJsonBodyBytes);

  app.get('/', async (c) => {
    const all = await accounts.listAccounts();
    return c.json<{ accounts: Account[] }>({ accounts: all.map(toAccount) });
  });

  app.post('/', jsonLimit, async (c) => {
    const body = await parseJsonBody(c, createAccountBodySchema);
    const created = await addAccount(accounts, body, deps.now());
    return c.json<{ account: Account }>({ account: toAccount(created) }, 201);
  });

  app.patch('/:id', jsonLimit, async (c) => {
    const body = await parseJsonBody(c, patchAccountBodySchema);
    const updated = await editAccount(accounts, c.req.param('id'), body);
    return c.json<{ account: Account }>({ account: toAccount(updated) });
  });

  return app;
}
