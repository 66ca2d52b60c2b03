/**
 * Seeded, stateless randomness: every value is a pure function of (seed, stream, index), so member
 * number i comes out the same whatever N is and whichever worker thread makes it.
 */

/** 32-bit mix (a variant of the murmur3 finalizer). */
function mix32(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A generator of uniform numbers in [0, 1) for one (seed, stream, index). */
export class Rng {
  private state: number;
  constructor(seed: number, stream: number, index: number) {
    this.state = mix32(
      mix32(seed ^ Math.imul(stream, 0x9e3779b1)) ^ mix32(index + 0x632be5ab) ^ (index / 0x1_0000_0000),
    );
  }
  /** Uniform in [0, 1) (mulberry32 step). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Index into a cumulative weight table by binary search. */
export function pickWeighted(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/**
 * A bijection of [0, size) that looks random: a four-round Feistel network over the smallest even
 * power of two that holds `size`, walking the cycle until the value falls inside. Distinct inputs
 * give distinct outputs, which is how ID numbers and phones stay unique without any lookup.
 */
export function permutation(size: number, seed: number): (i: number) => number {
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  const keys = [1, 2, 3, 4].map((r) => mix32(seed * 31 + r));
  const encrypt = (x: number) => {
    let left = Math.floor(x / 2 ** half);
    let right = x % 2 ** half;
    for (const key of keys) {
      const next = (left ^ mix32(right ^ key)) & mask;
      left = right;
      right = next;
    }
    return left * 2 ** half + right;
  };
  return (i) => {
    if (i < 0 || i >= size) throw new Error(`${i} is outside 0–${size - 1}`);
    let x = encrypt(i);
    while (x >= size) x = encrypt(x);
    return x;
  };
}
