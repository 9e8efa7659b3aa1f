import type { Role } from '../../shared/permissions/permissions.ts';

/** How a request proved who it is: a browser session or an API token. */
export interface Credential {
  kind: 'session' | 'token';
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
