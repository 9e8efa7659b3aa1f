/**
 * The y-websocket message types (the first varint of every frame). The stock
 * `WebsocketProvider` speaks these; the server never needs anything else from it.
 */
export const MESSAGE_TYPES = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Copydesk's own: "your updates up to here are stored". Sent only to clients
   * that ask for it with `?ack=1`, because the stock provider logs unknown types.
   */
  saved: 100,
} as const;
export type MessageType = (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES];

/** Sub-types of a sync message, as y-protocols/sync numbers them. */
export const SYNC_STEPS = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncStep = (typeof SYNC_STEPS)[keyof typeof SYNC_STEPS];

/** Bumped when Copydesk's additions to the protocol change incompatibly. */
export const PROTOCOL_VERSION = 1;
