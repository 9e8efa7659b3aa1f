import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressOf, isHttps, ownOriginOf, type RequestPlace } from '../../auth/origins.ts';

/** Host, TLS and forwarded scheme of a request, for origin checks and the Secure cookie flag. */
export function placeOf(c: Context): RequestPlace {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket as { encrypted?: boolean } | undefined;
  return {
    host: c.req.header('host'),
    isEncrypted: socket?.encrypted === true,
    forwardedProto: c.req.header('x-forwarded-proto'),
  };
}

export const isHttpsRequest = (c: Context, trustProxy: boolean): boolean => isHttps(placeOf(c), trustProxy);

export const ownOriginOfRequest = (c: Context, trustProxy: boolean): string | undefined =>
  ownOriginOf(placeOf(c), trustProxy);

/** The client's address for per-address limits; `unknown` outside a real server (app.request() in tests). */
export function clientAddressOfRequest(c: Context, trustProxy: boolean): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    socketAddress = undefined;
  }
  return clientAddressOf(socketAddress, c.req.header('x-forwarded-for'), trustProxy);
}
