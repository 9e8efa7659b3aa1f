/**
 * Bumped whenever the draft schema (nodes, marks, attributes) changes in a way
 * an older client could not read. Sent by clients on connect so the server can
 * refuse a stale editor before it writes content the schema no longer accepts.
 */
export const SCHEMA_VERSION = 1;
