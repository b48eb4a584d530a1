// Cast kernels: `cast<S, D>(src, ss, dst, sd, n)` with element strides.
//
// Float -> integer (NumPy leaves out-of-range values platform-defined): truncate toward zero,
// saturate to int64 (NaN -> 0), then wrap to the target width. For in-range values this is
// C's conversion; out-of-range results match x86 NumPy for int8/int16/uint8/uint16/uint32.
// float16 is stored as uint16 bits; conversions to it round once, to nearest-even.

@inline function floatToInt<S, D>(x: S): D {
  if (sizeof<D>() == 8 && !isSigned<D>()) {
    return x < 0 ? <D><i64>x : <D><u64>x;
  }
  return <D><i64>x;
}

@inline function convert<S, D>(x: S): D {
  if (isFloat<S>() && isInteger<D>()) return floatToInt<S, D>(x);
  return <D>x;
}

// --- SIMD casts between f64, f32 and the 8/16/32-bit integers (contiguous runs) ---------------
// Four elements per step: the source is widened to four 32-bit lanes (or two f64x2 halves),
// converted with the lane instruction that gives the scalar kernel's exact result, and narrowed
// to the target width by wrapping (a byte shuffle). Float -> integer uses i32x4.trunc_sat, which
// equals "truncate, saturate to int64, wrap" only inside the int32 range: a step with a lane that
// saturated is redone by the scalar loop.

@inline function simdCastable<S, D>(): bool {
  // 64-bit integers have no lane conversions to floats; bool and float16 have their own kernels.
  return !(isInteger<S>() && sizeof<S>() == 8) && !(isInteger<D>() && sizeof<D>() == 8);
}

// Four source elements as i32x4 (integers, sign- or zero-extended) or f32x4 (float32).
@inline function load4<S>(p: usize): v128 {
  if (sizeof<S>() == 4) return v128.load(p);
  if (sizeof<S>() == 2) {
    const v = v128.load64_zero(p);
    return isSigned<S>() ? i32x4.extend_low_i16x8_s(v) : i32x4.extend_low_i16x8_u(v);
  }
  const v = v128.load32_zero(p);
  return isSigned<S>() ? i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(v)) : i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v));
}

// Four 32-bit lanes to the target width (integers wrap, as the scalar store does).
@inline function store4<D>(p: usize, v: v128): void {
  if (sizeof<D>() == 4) v128.store(p, v);
  else if (sizeof<D>() == 2) v128.store64_lane(p, v128.shuffle<u8>(v, v, 0, 1, 4, 5, 8, 9, 12, 13, 0, 1, 4, 5, 8, 9, 12, 13), 0);
  else v128.store32_lane(p, v128.shuffle<u8>(v, v, 0, 4, 8, 12, 0, 4, 8, 12, 0, 4, 8, 12, 0, 4, 8, 12), 0);
}

// trunc_sat lanes that hit INT32_MIN/MAX were (or may have been) out of range: those steps go to
// the scalar loop, which saturates at int64 instead. NaN truncates to 0 in both.
@inline function saturated(v: v128): bool {
  return v128.any_true(v128.or(i32x4.eq(v, i32x4.splat(i32.MIN_VALUE)), i32x4.eq(v, i32x4.splat(i32.MAX_VALUE))));
}

// Converts 4 elements at a and stores them at o; false (nothing stored) when a float lane is
// outside the int32 range for an integer target.
@inline function cast4<S, D>(a: usize, o: usize): bool {
  if (isFloat<S>() && sizeof<S>() == 8) {
    const v0 = v128.load(a), v1 = v128.load(a, 16);
    if (isFloat<D>()) { // f64 -> f32: two demotes, low halves joined
      v128.store(o, v128.shuffle<i64>(f32x4.demote_f64x2_zero(v0), f32x4.demote_f64x2_zero(v1), 0, 2));
      return true;
    }
    const t = v128.shuffle<i64>(i32x4.trunc_sat_f64x2_s_zero(v0), i32x4.trunc_sat_f64x2_s_zero(v1), 0, 2);
    if (saturated(t)) return false;
    store4<D>(o, t);
    return true;
  }
  const v = load4<S>(a);
  if (isFloat<D>() && sizeof<D>() == 8) {
    const high = v128.shuffle<i64>(v, v, 1, 1);
    if (isFloat<S>()) {
      v128.store(o, f64x2.promote_low_f32x4(v));
      v128.store(o, f64x2.promote_low_f32x4(high), 16);
    } else if (isSigned<S>() || sizeof<S>() < 4) {
      v128.store(o, f64x2.convert_low_i32x4_s(v));
      v128.store(o, f64x2.convert_low_i32x4_s(high), 16);
    } else {
      v128.store(o, f64x2.convert_low_i32x4_u(v));
      v128.store(o, f64x2.convert_low_i32x4_u(high), 16);
    }
    return true;
  }
  if (isFloat<D>()) { // integer -> f32 (one rounding)
    v128.store(o, isSigned<S>() || sizeof<S>() < 4 ? f32x4.convert_i32x4_s(v) : f32x4.convert_i32x4_u(v));
    return true;
  }
  if (isFloat<S>()) { // f32 -> integer
    const t = i32x4.trunc_sat_f32x4_s(v);
    if (saturated(t)) return false;
    store4<D>(o, t);
    return true;
  }
  store4<D>(o, v); // integer -> integer: extended lanes, wrapped on the way out
  return true;
}

@inline export function cast<S, D>(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  const stepA = <usize>(sa * <i32>sizeof<S>());
  const stepO = <usize>(so * <i32>sizeof<D>());
  let i = 0;
  if (simdCastable<S, D>() && sa == 1 && so == 1) {
    for (; i + 4 <= n; i += 4) {
      if (!cast4<S, D>(a, o)) {
        for (let k = 0; k < 4; k++) store<D>(o + <usize>(k * sizeof<D>()), convert<S, D>(load<S>(a + <usize>(k * sizeof<S>()))));
      }
      a += <usize>(4 * sizeof<S>());
      o += <usize>(4 * sizeof<D>());
    }
  }
  for (; i < n; i++) {
    store<D>(o, convert<S, D>(load<S>(a)));
    a += stepA;
    o += stepO;
  }
}

@inline export function castToBool<S>(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  const stepA = <usize>(sa * <i32>sizeof<S>());
  for (let i = 0; i < n; i++) {
    store<u8>(o, load<S>(a) != 0 ? 1 : 0);
    a += stepA;
    o += <usize>so;
  }
}

// float16 bits -> value (exact). NaN becomes the platform's canonical NaN.
@inline function halfToF64(h: u32): f64 {
  const exponent = (h >> 10) & 0x1f;
  const mantissa = <f64>(h & 0x3ff);
  let magnitude: f64;
  if (exponent == 0) magnitude = mantissa * 5.960464477539063e-8; // 2^-24
  else if (exponent == 31) magnitude = mantissa == 0 ? Infinity : NaN;
  else magnitude = (mantissa + 1024) * reinterpret<f64>(<u64>(exponent - 25 + 1023) << 52);
  return (h & 0x8000) != 0 ? -magnitude : magnitude;
}

// Rounds `significand >> shift` to nearest, ties to even (shift in 1..63).
@inline function roundShift(significand: u64, shift: u64): u64 {
  const kept = significand >> shift;
  const rest = significand & ((<u64>1 << shift) - 1);
  const halfway = <u64>1 << (shift - 1);
  return rest > halfway || (rest == halfway && (kept & 1) != 0) ? kept + 1 : kept;
}

// Value given as (sign, unbiased exponent e, significand with `fraction` fraction bits
// including the implicit bit) -> float16 bits, rounding once.
@inline function encodeHalf(sign: u32, e: i32, significand: u64, fraction: i32): u32 {
  if (e >= 16) return sign | 0x7c00;
  if (e >= -14) {
    // Normal: keep 10 fraction bits; a carry out of the fraction bumps the exponent (to inf at most).
    const rounded = <u32>roundShift(significand, <u64>(fraction - 10));
    return sign | ((<u32>(e + 14) << 10) + rounded);
  }
  // Subnormal: count units of 2^-24.
  const shift = fraction - 24 - e;
  if (shift > fraction + 1) return sign; // below a quarter unit: rounds to zero
  return sign | <u32>roundShift(significand, <u64>shift);
}

const HALF_NAN: u32 = 0x7e00;

@inline function f64ToHalf(x: f64): u32 {
  const bits = reinterpret<u64>(x);
  const sign = <u32>(bits >> 48) & 0x8000;
  const biased = <i32>((bits >> 52) & 0x7ff);
  const fractionBits = bits & 0xfffffffffffff;
  if (biased == 0x7ff) return sign | (fractionBits != 0 ? HALF_NAN : 0x7c00);
  if (biased == 0) return sign; // f64 subnormals are far below the float16 range
  return encodeHalf(sign, biased - 1023, fractionBits | (<u64>1 << 52), 52);
}

@inline function f32ToHalf(x: f32): u32 {
  const bits = reinterpret<u32>(x);
  const sign = (bits >> 16) & 0x8000;
  const biased = <i32>((bits >> 23) & 0xff);
  const fractionBits = bits & 0x7fffff;
  if (biased == 0xff) return sign | (fractionBits != 0 ? HALF_NAN : 0x7c00);
  if (biased == 0) return sign;
  return encodeHalf(sign, biased - 127, <u64>(fractionBits | (1 << 23)), 23);
}

@inline export function castFromHalf<D>(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  const stepA = <usize>(sa * 2);
  const stepO = <usize>(so * <i32>sizeof<D>());
  for (let i = 0; i < n; i++) {
    store<D>(o, convert<f64, D>(halfToF64(<u32>load<u16>(a))));
    a += stepA;
    o += stepO;
  }
}

// float32 -> float16 on four lanes at once, branch-free (same results as f32ToHalf):
// - normal range: rebias the exponent and round the 13 dropped bits to nearest-even by adding
//   0xfff plus the lowest kept bit; a carry moves into the exponent (up to inf);
// - below 2^-14: add 0.5f in float32 arithmetic, which aligns the half subnormal grid with
//   float32's last mantissa bits, so the FPU performs the single round-to-nearest-even;
// - >= 65536 -> inf, NaN -> 0x7e00; the sign is ORed back at the end (NaN included).
@inline function f32x4ToHalf(bits: v128): v128 {
  const magnitude = v128.and(bits, i32x4.splat(0x7fffffff));
  const sign = v128.and(i32x4.shr_u(bits, 16), i32x4.splat(0x8000));
  const lowBit = v128.and(i32x4.shr_u(magnitude, 13), i32x4.splat(1));
  const normal = i32x4.shr_u(i32x4.add(i32x4.add(magnitude, i32x4.splat(0xc8000fff)), lowBit), 13);
  const half = i32x4.splat(0x3f000000);
  const subnormal = i32x4.sub(f32x4.add(magnitude, half), half);
  let result = v128.bitselect(subnormal, normal, i32x4.lt_s(magnitude, i32x4.splat(0x38800000)));
  result = v128.bitselect(i32x4.splat(0x7c00), result, i32x4.ge_s(magnitude, i32x4.splat(0x47800000)));
  result = v128.bitselect(i32x4.splat(0x7e00), result, i32x4.gt_s(magnitude, i32x4.splat(0x7f800000)));
  return v128.or(result, sign); // NaN keeps its sign, as in the JS codec and NumPy
}

// float32 goes straight to half; every other source is exact in f64 first (int64 beyond 2^53
// is far outside the float16 range, so its f64 rounding cannot change the result).
@inline export function castToHalf<S>(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  let i = 0;
  if (sizeof<S>() == 4 && isFloat<S>() && sa == 1 && so == 1) {
    for (; i + 8 <= n; i += 8) {
      const low = f32x4ToHalf(v128.load(a + <usize>(i * 4)));
      const high = f32x4ToHalf(v128.load(a + <usize>(i * 4), 16));
      v128.store(o + <usize>(i * 2), i16x8.narrow_i32x4_u(low, high));
    }
    a += <usize>(i * 4);
    o += <usize>(i * 2);
  }
  const stepA = <usize>(sa * <i32>sizeof<S>());
  const stepO = <usize>(so * 2);
  for (; i < n; i++) {
    const x = load<S>(a);
    store<u16>(o, <u16>(sizeof<S>() == 4 && isFloat<S>() ? f32ToHalf(<f32>x) : f64ToHalf(<f64>x)));
    a += stepA;
    o += stepO;
  }
}

// float16 -> bool: any bits other than (+/-)0 are true (NaN included).
export function castHalfToBool(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  for (let i = 0; i < n; i++) {
    store<u8>(o, (load<u16>(a) & 0x7fff) != 0 ? 1 : 0);
    a += <usize>(sa * 2);
    o += <usize>so;
  }
}
