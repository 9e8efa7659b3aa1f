/**
 * WebSocket close codes the server uses, with the reason sent alongside.
 * y-websocket 3 treats 4400-4499 as permanent (it stops reconnecting and emits
 * `connection-close`); 45xx codes are transient and the provider reconnects.
 */
export const CLOSE_CODES = {
  /** Server going down or moving the client elsewhere; reconnect. */
  goingAway: 1001,
  /** A frame the protocol does not allow (truncated, unknown type, bad varint). */
  malformedMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  draftNotFound: 4404,
  /** The update failed validation (undecodable, missing dependencies, clock gap). */
  invalidUpdate: 4422,
  messageTooLarge: 4413,
  /** The draft could not be loaded from storage; retry later. */
  draftUnavailable: 4503,
  /** Storing an update failed; the client still holds it and resends on reconnect. */
  storageFailed: 4500,
  /** The client read too slowly and the server's send buffer for it overflowed. */
  tooSlow: 4508,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** True when a client should not reconnect after this close code. */
export function isPermanentCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
