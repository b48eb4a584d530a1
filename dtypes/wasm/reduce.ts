// Reduction kernels: `acc` points at one element that already holds the initial/running value;
// n input elements (element stride `s`) are folded into it.
//
// Float sums use NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src,
// `pairwise_sum`): below 8 elements a plain running sum from 0; up to 128 elements eight
// interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus a sequential
// tail; above that, split at n/2 rounded down to a multiple of 8 and recurse. The SIMD path keeps
// the eight accumulators in lanes, so every addition happens in the same order as NumPy's.

export const SUM = 0;
export const PROD = 1;
export const RMIN = 2;
export const RMAX = 3;

const BLOCK = 128;

function pairwiseF64(a: usize, n: i32, s: i32): f64 {
  if (n < 8) {
    let res: f64 = 0;
    for (let i = 0; i < n; i++) res += load<f64>(a + <usize>(i * s * 8));
    return res;
  }
  if (n <= BLOCK) {
    const tail = n - (n % 8);
    let res: f64;
    let i = 8;
    if (s == 1) {
      let r01 = v128.load(a), r23 = v128.load(a, 16), r45 = v128.load(a, 32), r67 = v128.load(a, 48);
      for (; i < tail; i += 8) {
        const p = a + <usize>(i * 8);
        r01 = f64x2.add(r01, v128.load(p));
        r23 = f64x2.add(r23, v128.load(p, 16));
        r45 = f64x2.add(r45, v128.load(p, 32));
        r67 = f64x2.add(r67, v128.load(p, 48));
      }
      res = ((f64x2.extract_lane(r01, 0) + f64x2.extract_lane(r01, 1)) +
             (f64x2.extract_lane(r23, 0) + f64x2.extract_lane(r23, 1))) +
            ((f64x2.extract_lane(r45, 0) + f64x2.extract_lane(r45, 1)) +
             (f64x2.extract_lane(r67, 0) + f64x2.extract_lane(r67, 1)));
    } else {
      const step = <usize>(s * 8);
      let r0 = load<f64>(a), r1 = load<f64>(a + step), r2 = load<f64>(a + 2 * step), r3 = load<f64>(a + 3 * step);
      let r4 = load<f64>(a + 4 * step), r5 = load<f64>(a + 5 * step), r6 = load<f64>(a + 6 * step), r7 = load<f64>(a + 7 * step);
      for (; i < tail; i += 8) {
        const p = a + <usize>(i * s * 8);
        r0 += load<f64>(p); r1 += load<f64>(p + step); r2 += load<f64>(p + 2 * step); r3 += load<f64>(p + 3 * step);
        r4 += load<f64>(p + 4 * step); r5 += load<f64>(p + 5 * step); r6 += load<f64>(p + 6 * step); r7 += load<f64>(p + 7 * step);
      }
      res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    }
    for (; i < n; i++) res += load<f64>(a + <usize>(i * s * 8));
    return res;
  }
  let half = n / 2;
  half -= half % 8;
  return pairwiseF64(a, half, s) + pairwiseF64(a + <usize>(half * s * 8), n - half, s);
}

function pairwiseF32(a: usize, n: i32, s: i32): f32 {
  if (n < 8) {
    let res: f32 = 0;
    for (let i = 0; i < n; i++) res += load<f32>(a + <usize>(i * s * 4));
    return res;
  }
  if (n <= BLOCK) {
    const tail = n - (n % 8);
    let res: f32;
    let i = 8;
    if (s == 1) {
      let r0123 = v128.load(a), r4567 = v128.load(a, 16);
      for (; i < tail; i += 8) {
        const p = a + <usize>(i * 4);
        r0123 = f32x4.add(r0123, v128.load(p));
        r4567 = f32x4.add(r4567, v128.load(p, 16));
      }
      res = ((f32x4.extract_lane(r0123, 0) + f32x4.extract_lane(r0123, 1)) +
             (f32x4.extract_lane(r0123, 2) + f32x4.extract_lane(r0123, 3))) +
            ((f32x4.extract_lane(r4567, 0) + f32x4.extract_lane(r4567, 1)) +
             (f32x4.extract_lane(r4567, 2) + f32x4.extract_lane(r4567, 3)));
    } else {
      const step = <usize>(s * 4);
      let r0 = load<f32>(a), r1 = load<f32>(a + step), r2 = load<f32>(a + 2 * step), r3 = load<f32>(a + 3 * step);
      let r4 = load<f32>(a + 4 * step), r5 = load<f32>(a + 5 * step), r6 = load<f32>(a + 6 * step), r7 = load<f32>(a + 7 * step);
      for (; i < tail; i += 8) {
        const p = a + <usize>(i * s * 4);
        r0 += load<f32>(p); r1 += load<f32>(p + step); r2 += load<f32>(p + 2 * step); r3 += load<f32>(p + 3 * step);
        r4 += load<f32>(p + 4 * step); r5 += load<f32>(p + 5 * step); r6 += load<f32>(p + 6 * step); r7 += load<f32>(p + 7 * step);
      }
      res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    }
    for (; i < n; i++) res += load<f32>(a + <usize>(i * s * 4));
    return res;
  }
  let half = n / 2;
  half -= half % 8;
  return pairwiseF32(a, half, s) + pairwiseF32(a + <usize>(half * s * 4), n - half, s);
}

// NaN results, pinned down so that backends, SIMD lanes and thread counts agree (hardware picks
// one NaN operand by position, and the order of additions changes with all three): the first
// NaN met — the accumulator's, else the input's in index order — with `quiet` or'ed in; a NaN
// no operand carried (∞ − ∞) is the x86 default NaN (sign set), what NumPy gives on x86-64.
// Only runs when the result is NaN: NaN-free calls pay one comparison.
const ABS64: u64 = 0x7fffffffffffffff;
const INF64: u64 = 0x7ff0000000000000;
const QUIET64: u64 = 0x0008000000000000;
const DEFAULT_NAN64: u64 = 0xfff8000000000000;
const ABS32: u32 = 0x7fffffff;
const INF32: u32 = 0x7f800000;
const QUIET32: u32 = 0x00400000;
const DEFAULT_NAN32: u32 = 0xffc00000;

function firstNaN64(acc: usize, a: usize, s: i32, n: i32, quiet: u64): u64 {
  let bits = load<u64>(acc);
  if ((bits & ABS64) > INF64) return bits | quiet;
  const step = <usize>(s * 8);
  let p = a;
  for (let i = 0; i < n; i++, p += step) {
    bits = load<u64>(p);
    if ((bits & ABS64) > INF64) return bits | quiet;
  }
  return DEFAULT_NAN64;
}

function firstNaN32(acc: usize, a: usize, s: i32, n: i32): u32 {
  let bits = load<u32>(acc);
  if ((bits & ABS32) > INF32) return bits | QUIET32;
  const step = <usize>(s * 4);
  let p = a;
  for (let i = 0; i < n; i++, p += step) {
    bits = load<u32>(p);
    if ((bits & ABS32) > INF32) return bits | QUIET32;
  }
  return DEFAULT_NAN32;
}

export function sumF64(a: usize, s: i32, acc: usize, n: i32): void {
  if (n <= 0) return;
  const r = load<f64>(acc) + pairwiseF64(a, n, s);
  if (r != r) store<u64>(acc, firstNaN64(acc, a, s, n, QUIET64));
  else store<f64>(acc, r);
}

export function sumF32(a: usize, s: i32, acc: usize, n: i32): void {
  if (n <= 0) return;
  const r = load<f32>(acc) + pairwiseF32(a, n, s);
  if (r != r) store<u32>(acc, firstNaN32(acc, a, s, n));
  else store<f32>(acc, r);
}

// Reductions other than float sums: min/max use wasm's f64.min/max semantics (NaN propagates,
// -0 < +0), which are order-independent, so the lane-parallel path equals the sequential one;
// a NaN result is then replaced by the first NaN met (firstNaN64/32: float64 bit for bit,
// float32 quieted, as the JS loops give). Float products stay sequential (as NumPy's).
@inline function scalarFold<T>(op: i32, x: T, y: T): T {
  if (op == SUM) return x + y;
  if (op == PROD) return x * y;
  if (isFloat<T>()) return op == RMIN ? <T>min<T>(x, y) : <T>max<T>(x, y);
  if (op == RMIN) return x < y ? x : y;
  return x > y ? x : y;
}

@inline function vectorizableFold<T>(op: i32): bool {
  if (op == SUM) return isInteger<T>();
  if (op == PROD) return isInteger<T>() && sizeof<T>() > 1;
  return isFloat<T>() || sizeof<T>() < 8;
}

@inline function vectorFold<T>(op: i32, x: v128, y: v128): v128 {
  if (op == SUM) return v128.add<T>(x, y);
  if (op == PROD) {
    if (sizeof<T>() > 1) return v128.mul<T>(x, y);
    return x;
  }
  if (isFloat<T>() || sizeof<T>() < 8) return op == RMIN ? v128.min<T>(x, y) : v128.max<T>(x, y);
  return x;
}

// Folds the lanes of v pairwise by shuffling halves down, then returns lane 0.
@inline function horizontal<T>(op: i32, v: v128): T {
  v = vectorFold<T>(op, v, v128.shuffle<u8>(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  if (sizeof<T>() <= 4) v = vectorFold<T>(op, v, v128.shuffle<u8>(v, v, 4, 5, 6, 7, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15));
  if (sizeof<T>() <= 2) v = vectorFold<T>(op, v, v128.shuffle<u8>(v, v, 2, 3, 0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  if (sizeof<T>() == 1) v = vectorFold<T>(op, v, v128.shuffle<u8>(v, v, 1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  return v128.extract_lane<T>(v, 0);
}

@inline export function fold<T>(op: i32, a: usize, s: i32, acc: usize, n: i32): void {
  if (n <= 0) return;
  const size = <i32>sizeof<T>();
  let result = load<T>(acc);
  let i = 0;
  if (vectorizableFold<T>(op) && s == 1) {
    const lanes = 16 / size;
    if (n >= 2 * lanes) {
      let v0 = v128.load(a);
      let v1 = v128.load(a, 16);
      i = 2 * lanes;
      for (; i + 2 * lanes <= n; i += 2 * lanes) {
        const p = a + <usize>(i * size);
        v0 = vectorFold<T>(op, v0, v128.load(p));
        v1 = vectorFold<T>(op, v1, v128.load(p, 16));
      }
      result = scalarFold<T>(op, result, horizontal<T>(op, vectorFold<T>(op, v0, v1)));
    }
  }
  const step = <usize>(s * size);
  let p = a + <usize>(i * s * size);
  for (; i < n; i++) {
    result = scalarFold<T>(op, result, load<T>(p));
    p += step;
  }
  if (isFloat<T>() && op >= RMIN && result != result) {
    if (sizeof<T>() == 8) store<u64>(acc, firstNaN64(acc, a, s, n, 0));
    else store<u32>(acc, firstNaN32(acc, a, s, n));
    return;
  }
  store<T>(acc, result);
}

// logical_or / logical_and reductions over bool (any nonzero byte counts as true).
export function anyU8(a: usize, s: i32, acc: usize, n: i32): void {
  if (n <= 0 || load<u8>(acc) != 0) return;
  let i = 0;
  if (s == 1) {
    for (; i + 16 <= n; i += 16) {
      if (v128.any_true(v128.load(a + <usize>i))) { store<u8>(acc, 1); return; }
    }
  }
  for (; i < n; i++) {
    if (load<u8>(a + <usize>(i * s)) != 0) { store<u8>(acc, 1); return; }
  }
}

export function allU8(a: usize, s: i32, acc: usize, n: i32): void {
  if (n <= 0 || load<u8>(acc) == 0) return;
  let i = 0;
  if (s == 1) {
    for (; i + 16 <= n; i += 16) {
      if (!i8x16.all_true(v128.load(a + <usize>i))) { store<u8>(acc, 0); return; }
    }
  }
  for (; i < n; i++) {
    if (load<u8>(a + <usize>(i * s)) == 0) { store<u8>(acc, 0); return; }
  }
}
