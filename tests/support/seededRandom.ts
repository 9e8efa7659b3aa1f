/**
 * A small seeded PRNG (mulberry32) for randomized tests. Every test that uses
 * one prints its seed when it fails; `SEED=<n>` replays that run exactly.
 */
export interface Random {
  seed: number;
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max] inclusive. */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  bytes: (length: number) => Uint8Array;
  /** A short word of lower-case letters and spaces. */
  text: (maxLength: number) => string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(0, items.length - 1)]!,
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
    text: (maxLength) => {
      const letters = 'abcdefghijklmnopqrstuvwxyz    éß';
      return Array.from({ length: int(1, maxLength) }, () => letters[int(0, letters.length - 1)]).join('');
    },
  };
}

/** The seed from `SEED` when set (to replay a failure), else a fresh one. */
export function seedFromEnv(): number {
  const fromEnv = process.env.SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** True under `npm run soak` (SOAK=1): long variants raise their iteration counts. */
export const isSoak = process.env.SOAK === '1';

/** `quick` in npm test, `soak` under SOAK=1. */
export const soakOr = <T>(quick: T, soak: T): T => (isSoak ? soak : quick);
