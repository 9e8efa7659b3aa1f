/**
 * The names of a draft's Yjs root types. All of the copy (headline, standfirst,
 * body text) lives under `body`, so that permissions can be decided per root
 * type: clients write `body`; every other root type is written by the server.
 */
export const ROOT_TYPES = {
  body: 'body',
  annotations: 'annotations',
  versions: 'versions',
  signoffs: 'signoffs',
  /** The desk's state, lock and last sign-off (a Y.Map), written by the server. */
  desk: 'desk',
} as const;

export type RootTypeName = (typeof ROOT_TYPES)[keyof typeof ROOT_TYPES];

/** Root types that a client may write itself (the rest are server-only). */
export const CLIENT_WRITABLE_ROOT_TYPES: readonly RootTypeName[] = [ROOT_TYPES.body];
