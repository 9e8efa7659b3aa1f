import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AccountRecord, AccountStore } from '../storage/AccountStore.ts';
import { isAllowedOrigin, ownOriginOf } from './origins.ts';
import type { Credential, Principal } from './principal.ts';
import { readSessionId } from './sessionCookie.ts';
import { findLiveSession, sessionKeyOf } from './sessions.ts';
import { findLiveToken, findLiveTokenById } from './tokens.ts';

export interface AuthenticatorOptions {
  accounts: AccountStore;
  sessionSecret: string;
  sessionTtlMs: number;
  trustProxy: boolean;
  /** ALLOWED_ORIGINS: origins besides the server's own. */
  allowedOrigins: readonly string[];
  now?: () => number;
}

/** The raw credentials a request may carry. */
export interface RequestCredentials {
  /** The Cookie header. */
  cookie?: string | undefined;
  /** The Authorization header; only `Bearer <token>` is understood. */
  authorization?: string | undefined;
  /** `?token=` of a WebSocket URL (a browser cannot set headers on a WebSocket). */
  queryToken?: string | undefined;
}

export interface Authenticator {
  /**
   * The principal behind a request, or undefined when it carries no valid
   * credential. One credential is judged, the most explicit one: an
   * Authorization header, else a URL token, else the session cookie; a bad
   * explicit credential is not rescued by a good cookie. Using a session
   * slides its expiry; using a token records `lastUsedAt`.
   */
  authenticateRequest(credentials: RequestCredentials): Promise<Principal | undefined>;
  /** authenticateRequest for a WebSocket upgrade: its Cookie and Authorization headers and `?token=`. */
  authenticateUpgrade(request: IncomingMessage): Promise<Principal | undefined>;
  /**
   * The account behind a credential as it is now (role or name may have
   * changed since the connection opened); undefined when the session ended or
   * expired, the token was revoked, or the account was disabled. Changes nothing.
   */
  findPrincipal(credential: Credential): Promise<Principal | undefined>;
  /** True while findPrincipal finds one. */
  isCredentialValid(credential: Credential): Promise<boolean>;
  /** The upgrade's Origin (if any) is the server's own or in ALLOWED_ORIGINS. */
  isUpgradeOriginAllowed(request: IncomingMessage): boolean;
}

export function toPrincipal(account: AccountRecord, credential: Credential): Principal {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    credential,
  };
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { accounts } = options;
  const now = options.now ?? Date.now;
  const policy = { ttlMs: options.sessionTtlMs, now };

  async function byToken(secret: string): Promise<Principal | undefined> {
    const live = await findLiveToken(accounts, secret, now(), { touch: true });
    return live && toPrincipal(live.account, { kind: 'token', id: live.token.id });
  }

  async function authenticateRequest(credentials: RequestCredentials): Promise<Principal | undefined> {
    if (credentials.authorization !== undefined) {
      const secret = BEARER.exec(credentials.authorization)?.[1];
      return secret === undefined ? undefined : byToken(secret);
    }
    if (credentials.queryToken !== undefined) return byToken(credentials.queryToken);
    const sessionId = await readSessionId(credentials.cookie, options.sessionSecret);
    if (sessionId === undefined) return undefined;
    const live = await findLiveSession(accounts, sessionKeyOf(sessionId), policy, { extend: true });
    return live && toPrincipal(live.account, { kind: 'session', id: live.session.id });
  }

  async function findPrincipal(credential: Credential): Promise<Principal | undefined> {
    if (credential.kind === 'server') return undefined;
    if (credential.kind === 'session') {
      const live = await findLiveSession(accounts, credential.id, policy, { extend: false });
      return live && toPrincipal(live.account, credential);
    }
    const live = await findLiveTokenById(accounts, credential.id);
    return live && toPrincipal(live.account, credential);
  }

  return {
    authenticateRequest,
    async authenticateUpgrade(request) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      return authenticateRequest({
        cookie: request.headers.cookie,
        authorization: request.headers.authorization,
        queryToken: url.searchParams.get('token') ?? undefined,
      });
    },
    findPrincipal,
    async isCredentialValid(credential) {
      return (await findPrincipal(credential)) !== undefined;
    },
    isUpgradeOriginAllowed(request) {
      const ownOrigin = ownOriginOf(
        {
          host: request.headers.host,
          isEncrypted: (request.socket as TLSSocket).encrypted === true,
          forwardedProto: headerValue(request.headers['x-forwarded-proto']),
        },
        options.trustProxy,
      );
      return isAllowedOrigin(headerValue(request.headers.origin), ownOrigin, options.allowedOrigins);
    },
  };
}

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
