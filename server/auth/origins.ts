/**
 * Which origins may act on a signed-in browser's behalf. Pure functions: the
 * REST middleware and the WebSocket upgrade both use them.
 */

/**
 * True when a request carrying `origin` may use the browser's cookie: no
 * Origin header at all (not a cross-site browser request: browsers send one
 * on every cross-origin fetch, form POST and WebSocket), the server's own
 * origin, or one listed in ALLOWED_ORIGINS. `"null"` (sandboxed frames, some
 * redirects) and anything unparsable are refused.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  ownOrigin: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  if (normalized === undefined) return false;
  if (ownOrigin !== undefined && normalized === normalizeOrigin(ownOrigin)) return true;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalized);
}

/** `scheme://host[:port]` lower-cased, default port dropped; undefined when it is not an http(s) origin. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export interface RequestPlace {
  /** The Host header. */
  host: string | undefined;
  /** The connection itself is TLS. */
  isEncrypted: boolean;
  /** The X-Forwarded-Proto header, read only when the proxy is trusted. */
  forwardedProto: string | undefined;
}

/**
 * The origin the browser believes it is talking to: the scheme (https when the
 * socket is TLS, or, behind a trusted proxy, when X-Forwarded-Proto says so)
 * and the Host header. Undefined without a Host header.
 */
export function ownOriginOf(place: RequestPlace, trustProxy: boolean): string | undefined {
  if (!place.host) return undefined;
  const scheme = isHttps(place, trustProxy) ? 'https' : 'http';
  return normalizeOrigin(`${scheme}://${place.host}`);
}

/** True when the request reached us over https, directly or through a trusted proxy. */
export function isHttps(place: Pick<RequestPlace, 'isEncrypted' | 'forwardedProto'>, trustProxy: boolean): boolean {
  if (place.isEncrypted) return true;
  if (!trustProxy || !place.forwardedProto) return false;
  // A proxy chain may list several; the first is what the client used.
  return place.forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
}

/**
 * The client's address for rate limiting: the socket's peer, or behind a
 * trusted proxy the last X-Forwarded-For hop (the one our proxy appended;
 * earlier hops are whatever the client claimed).
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor) {
    const hops = forwardedFor.split(',').map((hop) => hop.trim()).filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  return socketAddress ?? 'unknown';
}
