import { Hono } from 'hono';
import type { z } from 'zod';
import { createTokenBodySchema, type TokenSummary, type tokenCreatedSchema } from '../../../shared/api/auth.ts';
import { MAX_TOKENS_PER_ACCOUNT, createToken } from '../../auth/tokens.ts';
import { conflict, notFound } from '../../appError.ts';
import type { AccountStore } from '../../storage/AccountStore.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.ts';
import { parseJsonBody } from '../parseBody.ts';
import { toTokenSummary } from '../presenters/accountPresenter.ts';

export interface TokenRouteDeps {
  accounts: AccountStore;
  maxJsonBodyBytes: number;
  now: () => number;
}

const DEFAULT_TOKEN_NAME = 'API token';

/**
 * `/api/tokens`: the caller's own API tokens, for scripts and bots
 * (`Authorization: Bearer <token>`, or `?token=` on the WebSocket). Any role
 * may hold tokens; a token acts with its account's current role.
 */
export function tokenRoutes(deps: TokenRouteDeps) {
  const { accounts } = deps;
  const app = new Hono<AuthEnv>();

  app.post('/', jsonBodyLimit(deps.maxJsonBodyBytes), async (c) => {
    const principal = principalOf(c);
    const body = c.req.header('content-length') === '0' ? {} : await parseJsonBody(c, createTokenBodySchema);
    const created = await createToken(accounts, principal.accountId, body.name ?? DEFAULT_TOKEN_NAME, deps.now());
    if (!created) throw conflict(`an account holds at most ${MAX_TOKENS_PER_ACCOUNT} tokens: revoke one first`);
    return c.json<z.infer<typeof tokenCreatedSchema>>({ ...toTokenSummary(created.record), token: created.token }, 201);
  });

  app.get('/', async (c) => {
    const tokens = await accounts.listTokens(principalOf(c).accountId);
    return c.json<{ tokens: TokenSummary[] }>({ tokens: tokens.map(toTokenSummary) });
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    // Someone else's token answers as a missing one: its existence is not the caller's business.
    if (!(await accounts.deleteToken(id, principalOf(c).accountId))) {
      throw notFound(`you have no token with id ${JSON.stringify(id.slice(0, 80))}`);
    }
    return c.body(null, 204);
  });

  return app;
}
