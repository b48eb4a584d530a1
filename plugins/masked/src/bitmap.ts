/**
 * Validity bitmaps (Apache Arrow layout: 1 = valid, LSB first, element k is bit k & 7 of byte
 * k >> 3), processed 32 bits at a time. A strided run of n elements is gathered into aligned
 * scratch words (bit i of the run is bit i & 31 of word i >> 5), combined word by word and
 * scattered back; runs with stride 1 move whole words (funnel shifts when the bit offset is not
 * a multiple of 32), other strides bit by bit. Kernel bitmaps are padded to 64-bit words
 * (core allocateStore), so a bitmap can always be viewed as 32-bit words.
 */

let lastBytes: Uint8Array | null = null;
let lastWords: Int32Array | null = null;

/** The bitmap's bytes as 32-bit words (one-entry cache: a run loop sees the same bitmap often). */
export function wordsOf(bits: Uint8Array): Int32Array {
  if (bits !== lastBytes) {
    lastBytes = bits;
    lastWords = new Int32Array(bits.buffer, bits.byteOffset, bits.byteLength >> 2);
  }
  return lastWords!;
}

const scratchPool: Int32Array[] = [];

/** Scratch words for n bits: `level` picks one of a few buffers that grow and are reused. */
export function scratch(level: number, n: number): Int32Array {
  const nw = (n + 31) >>> 5;
  let s = scratchPool[level];
  if (s === undefined || s.length < nw) scratchPool[level] = s = new Int32Array(Math.max(nw, 64));
  return s;
}

/** dst words ← the n bits of `src` starting at bit `off`, every `stride` bits. */
export function gather(src: Int32Array, off: number, stride: number, n: number, dst: Int32Array): void {
  const nw = (n + 31) >>> 5;
  if (stride === 1) {
    const w0 = off >>> 5;
    const sh = off & 31;
    if (sh === 0) {
      dst.set(src.subarray(w0, w0 + nw));
      return;
    }
    const back = 32 - sh;
    // src[w0 + i + 1] past the end reads undefined, which `<<` turns into 0.
    for (let i = 0; i < nw; i++) dst[i] = (src[w0 + i]! >>> sh) | (src[w0 + i + 1]! << back);
    return;
  }
  dst.fill(0, 0, nw);
  for (let i = 0, k = off; i < n; i++, k += stride) {
    if ((src[k >>> 5]! >>> (k & 31)) & 1) dst[i >>> 5]! |= 1 << (i & 31);
  }
}

/** Writes the first n bits of `src` words into `dst` at bit `off`, every `stride` bits. */
export function scatter(dst: Int32Array, off: number, stride: number, n: number, src: Int32Array): void {
  if (stride === 1) {
    const full = n >>> 5;
    const w0 = off >>> 5;
    const sh = off & 31;
    if (sh === 0) {
      if (full > 0) dst.set(src.subarray(0, full), w0);
    } else {
      const low = (1 << sh) - 1;
      const back = 32 - sh;
      for (let i = 0; i < full; i++) {
        const w = src[i]!;
        dst[w0 + i] = (dst[w0 + i]! & low) | (w << sh);
        dst[w0 + i + 1] = (dst[w0 + i + 1]! & ~low) | (w >>> back);
      }
    }
    for (let i = full << 5; i < n; i++) setBit(dst, off + i, (src[i >>> 5]! >>> (i & 31)) & 1);
    return;
  }
  for (let i = 0, k = off; i < n; i++, k += stride) setBit(dst, k, (src[i >>> 5]! >>> (i & 31)) & 1);
}

export function setBit(words: Int32Array, k: number, on: number): void {
  const m = 1 << (k & 31);
  if (on) words[k >>> 5]! |= m;
  else words[k >>> 5]! &= ~m;
}

export function getBit(bits: Uint8Array, k: number): boolean {
  return ((bits[k >> 3]! >> (k & 7)) & 1) === 1;
}

/** a &= b over the words covering n bits. */
export function andInto(a: Int32Array, b: Int32Array, n: number): void {
  const nw = (n + 31) >>> 5;
  for (let i = 0; i < nw; i++) a[i]! &= b[i]!;
}

/** All n bits set. */
export function fillOnes(a: Int32Array, n: number): void {
  a.fill(-1, 0, (n + 31) >>> 5);
}

/** Whether every one of the first n bits is set. */
export function allSet(a: Int32Array, n: number): boolean {
  const full = n >>> 5;
  for (let i = 0; i < full; i++) if (a[i] !== -1) return false;
  const rem = n & 31;
  return rem === 0 || (a[full]! | ~((1 << rem) - 1)) === -1;
}

/** Number of set bits among the first n. */
export function popcount(a: Int32Array, n: number): number {
  let c = 0;
  const full = n >>> 5;
  for (let i = 0; i <= full && i << 5 < n; i++) {
    let w = a[i]!;
    if (i === full) w &= (1 << (n & 31)) - 1;
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    c += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return c;
}

/**
 * Zeroes the value lanes of the NA elements of a run (bit i clear → element `off + i*stride`),
 * skipping all-valid words with one compare each: values under NA stay zero, so copies,
 * sums and casts of masked arrays never meet garbage. Zero is all-zero bits in every numeric
 * format, so the lanes are cleared through an unsigned view of the element's bytes (one
 * monomorphic loop per unit width instead of one loop seeing every TypedArray class).
 */
export function zeroMasked(valid: Int32Array, n: number, data: TypedArrayLike, off: number, stride: number, lanes: number): void {
  const t = data as unknown as Uint8Array;
  const elementBytes = t.BYTES_PER_ELEMENT * lanes;
  if (elementBytes === 8) zero64(valid, n, unitView(t, 8) as Float64Array, off, stride);
  else if (elementBytes % 4 === 0) zero32(valid, n, unitView(t, 4) as Uint32Array, off, stride, elementBytes >> 2);
  else if (elementBytes % 2 === 0) zero16(valid, n, unitView(t, 2) as Uint16Array, off, stride, elementBytes >> 1);
  else zero8(valid, n, unitView(t, 1) as Uint8Array, off, stride, elementBytes);
}

let lastView: ArrayBufferView | null = null;
let lastUnit = 0;
let lastUnits: Uint8Array | Uint16Array | Uint32Array | Float64Array | null = null;

function unitView(t: Uint8Array, unit: 1 | 2 | 4 | 8): Uint8Array | Uint16Array | Uint32Array | Float64Array {
  if (t !== lastView || unit !== lastUnit) {
    lastView = t;
    lastUnit = unit;
    const bytes = t.byteLength;
    lastUnits = unit === 8 ? new Float64Array(t.buffer, t.byteOffset, bytes >> 3) : unit === 4 ? new Uint32Array(t.buffer, t.byteOffset, bytes >> 2) : unit === 2 ? new Uint16Array(t.buffer, t.byteOffset, bytes >> 1) : new Uint8Array(t.buffer, t.byteOffset, bytes);
  }
  return lastUnits!;
}

// One literal per unit width (same body): each stays monomorphic. +0.0 is all-zero bits.
function zero64(valid: Int32Array, n: number, u: Float64Array, off: number, stride: number): void {
  const nw = (n + 31) >>> 5;
  for (let wi = 0; wi < nw; wi++) {
    let inv = ~valid[wi]!;
    if (inv === 0) continue;
    if (wi === nw - 1 && (n & 31) !== 0) inv &= (1 << (n & 31)) - 1;
    const first = off + (wi << 5) * stride;
    while (inv !== 0) {
      const low = inv & -inv;
      u[first + (31 - Math.clz32(low)) * stride] = 0;
      inv ^= low;
    }
  }
}
function zero32(valid: Int32Array, n: number, u: Uint32Array, off: number, stride: number, per: number): void {
  const nw = (n + 31) >>> 5;
  for (let wi = 0; wi < nw; wi++) {
    let inv = ~valid[wi]!;
    if (wi === nw - 1 && (n & 31) !== 0) inv &= (1 << (n & 31)) - 1;
    while (inv !== 0) {
      const low = inv & -inv;
      const base = (off + ((wi << 5) + 31 - Math.clz32(low)) * stride) * per;
      for (let l = 0; l < per; l++) u[base + l] = 0;
      inv ^= low;
    }
  }
}
function zero16(valid: Int32Array, n: number, u: Uint16Array, off: number, stride: number, per: number): void {
  const nw = (n + 31) >>> 5;
  for (let wi = 0; wi < nw; wi++) {
    let inv = ~valid[wi]!;
    if (wi === nw - 1 && (n & 31) !== 0) inv &= (1 << (n & 31)) - 1;
    while (inv !== 0) {
      const low = inv & -inv;
      const base = (off + ((wi << 5) + 31 - Math.clz32(low)) * stride) * per;
      for (let l = 0; l < per; l++) u[base + l] = 0;
      inv ^= low;
    }
  }
}
function zero8(valid: Int32Array, n: number, u: Uint8Array, off: number, stride: number, per: number): void {
  const nw = (n + 31) >>> 5;
  for (let wi = 0; wi < nw; wi++) {
    let inv = ~valid[wi]!;
    if (wi === nw - 1 && (n & 31) !== 0) inv &= (1 << (n & 31)) - 1;
    while (inv !== 0) {
      const low = inv & -inv;
      const base = (off + ((wi << 5) + 31 - Math.clz32(low)) * stride) * per;
      for (let l = 0; l < per; l++) u[base + l] = 0;
      inv ^= low;
    }
  }
}

/** Any TypedArray, written with numbers or bigints as its kind needs. */
export type TypedArrayLike = { [i: number]: number | bigint; readonly length: number };
