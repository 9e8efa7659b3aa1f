/**
 * Column values as the two drivers take and hand them back. better-sqlite3 gives
 * INTEGER columns as numbers and keeps booleans as 0/1; pg gives BIGINT (int8)
 * columns as strings and BOOLEAN columns as booleans. Row types declare these
 * once, and the mappers normalise them with the helpers below.
 */

/** An integer column: a number (SQLite INTEGER, Postgres INTEGER) or a string (Postgres BIGINT). */
export type DbInteger = number | string;

/** A boolean column: 0/1 (SQLite) or a boolean (Postgres). */
export type DbBoolean = number | boolean;

/** pg hands BIGINT (int8) columns back as strings; every value this schema keeps fits a double exactly. */
export const toNumber = (value: DbInteger): number => (typeof value === 'number' ? value : Number(value));

/** SQLite stores a boolean as 1 (true) or 0; Postgres hands back the boolean itself. */
export const toBoolean = (value: DbBoolean): boolean => value === true || value === 1;

/**
 * Bytes to bind as a BLOB (better-sqlite3) or bytea (pg): both take a Buffer
 * (pg would send a plain Uint8Array as text). This views the same memory, no copy.
 */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
