import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt. A stored hash is a PHC-style string that
 * carries its own parameters, so they can be raised later without breaking
 * the hashes already stored:
 *
 *   $scrypt$ln=15,r=8,p=3$<salt, base64>$<key, base64>
 *
 * ln=15, r=8, p=3 is one of OWASP's recommended scrypt settings: 32 MiB and
 * about a quarter of a second per hash on a modest core, run on libuv's thread
 * pool so the event loop keeps serving.
 */
const COST = { ln: 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on parameters read back from a stored string, so a bad row cannot ask for gigabytes. */
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;
const HASH_PATTERN = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function deriveKey(password: string, salt: Buffer, keyBytes: number, cost: { ln: number; r: number; p: number }) {
  const N = 2 ** cost.ln;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, COST);
  return `$scrypt$ln=${COST.ln},r=${COST.r},p=${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `password` matches `storedHash`, compared in constant time.
 * False, never a throw, for a hash string this code cannot read.
 */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(storedHash);
  if (!match) return false;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return false;
  const salt = Buffer.from(match[4]!, 'base64');
  const expected = Buffer.from(match[5]!, 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = await deriveKey(password, salt, expected.length, { ln, r, p });
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash no password matches, to verify against when the username is unknown:
 * sign-in then takes as long for a missing account as for a wrong password,
 * so its timing does not tell which usernames exist.
 */
export function unmatchableHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  return dummyHash;
}

const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A random password to hand to a person: four groups of five characters from
 * an alphabet without look-alikes (no 0/O, 1/l/I), about 114 bits.
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group++) {
    let chars = '';
    while (chars.length < 5) {
      // Rejection sampling keeps every character equally likely.
      const byte = randomBytes(1)[0]!;
      if (byte < 256 - (256 % PASSWORD_ALPHABET.length)) chars += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
    groups.push(chars);
  }
  return groups.join('-');
}
