import type { Role } from '../../shared/permissions/permissions.ts';

/**
 * How a request proved who it is: a browser session or an API token. `server`
 * is the server itself acting in an account's name on a first start (the demo
 * draft's flags); no request or connection ever carries it.
 */
export interface Credential {
  kind: 'session' | 'token' | 'server';
  id: string;
}

/** The signed-in account behind a request or a connection. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  credential: Credential;
}
