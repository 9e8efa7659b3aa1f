import { Hono } from 'hono';
import type { DirectoryPerson } from '../../../shared/api/people.ts';
import { ACTIONS } from '../../../shared/permissions/permissions.ts';
import type { AccountStore } from '../../storage/AccountStore.ts';
import type { AuthEnv } from '../middleware/authEnv.ts';
import { requirePermission } from '../middleware/requirePermission.ts';

export interface PeopleRouteDeps {
  accounts: AccountStore;
}

/**
 * `GET /api/people`: the desk's directory, for assigning flags and
 * @mentions. Everyone who reads drafts may see who else works on them: ids,
 * usernames, names and roles of the accounts that are not disabled, by name.
 * Nothing else of an account leaves the server here.
 */
export function peopleRoutes(deps: PeopleRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.use('*', requirePermission(ACTIONS.readDrafts));
  app.get('/', async (c) => {
    const people = (await deps.accounts.listAccounts())
      .filter((account) => !account.disabled)
      .map((account): DirectoryPerson => ({ id: account.id, username: account.username, name: account.displayName, role: account.role }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
    return c.json<{ people: DirectoryPerson[] }>({ people });
  });
  return app;
}
