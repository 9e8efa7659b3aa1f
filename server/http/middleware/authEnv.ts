import type { Context } from 'hono';
import type { Principal } from '../../auth/principal.ts';
import { unauthorized } from '../../appError.ts';

/** Context variables of the API: `principal` is set by requireSignIn on every route that needs one. */
export type AuthEnv = { Variables: { principal: Principal | undefined } };

/** The signed-in principal of a request; throws 401 if none (a route mounted outside requireSignIn). */
export function principalOf(c: Context<AuthEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  return principal;
}
