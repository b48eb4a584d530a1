// bfloat16 elementwise kernels (AssemblyScript, SIMD128), bit-identical to the plugin's JS loops.
// Pointers are byte addresses into the imported shared memory; strides count elements (0 =
// broadcast, negative allowed). Each element: decode (code << 16 is the exact float32), one
// float32 operation, one round-to-nearest-even back to bfloat16 ((u + 0x7fff + lsb) >> 16: a
// carry past the largest finite value lands on ±inf, as in the JS loops).
//
// NaN outputs follow the JS loops exactly (they are fixed explicitly, not left to the hardware):
// - an input NaN wins: add/multiply prefer the second operand's NaN, subtract/divide the
//   first's (V8 evaluates the commutative ops with the operands swapped);
// - add keeps the NaN's payload, quieted (code | 0x40), like the JS add's bit rounding;
//   the other ops return the codec's quiet NaN, sign | 0x7fc0;
// - a NaN made from non-NaN inputs (inf - inf, 0 * inf, 0 / 0) is the hardware's default NaN,
//   exactly as in JS on the same machine.
// maximum/minimum pick an input code ((x >= y || x != x) ? x : y, as in JS) and canonicalize NaN.

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const MAX = 4;
const MIN = 5;

const BOTH_CONTIGUOUS = 0;
const A_BROADCAST = 1;
const B_BROADCAST = 2;

@inline function isNanCode(c: u32): bool {
  return (c & 0x7fff) > 0x7f80;
}

@inline function canonical(c: u32): u32 {
  return (c & 0x8000) | 0x7fc0;
}

@inline function roundBits(u: u32): u32 {
  return (u + 0x7fff + ((u >> 16) & 1)) >> 16;
}

@inline function scalarOp(op: i32, x: u32, y: u32): u32 {
  const fx = reinterpret<f32>(x << 16);
  const fy = reinterpret<f32>(y << 16);
  if (op == MAX || op == MIN) {
    const pickX = op == MAX ? (fx >= fy || fx != fx) : (fx <= fy || fx != fx);
    const r = pickX ? x : y;
    return isNanCode(r) ? canonical(r) : r;
  }
  const xn = isNanCode(x);
  const yn = isNanCode(y);
  if (op == ADD) {
    if (yn) return y | 0x40;
    if (xn) return x | 0x40;
    return roundBits(reinterpret<u32>(fx + fy));
  }
  if (op == MUL) {
    if (yn) return canonical(y);
    if (xn) return canonical(x);
    return roundBits(reinterpret<u32>(fx * fy));
  }
  if (xn) return canonical(x);
  if (yn) return canonical(y);
  if (op == SUB) return roundBits(reinterpret<u32>(fx - fy));
  return roundBits(reinterpret<u32>(fx / fy));
}

// Rounded code of each float32 lane, left in the lane's top 16 bits (low bits are garbage).
@inline function roundHigh(r: v128): v128 {
  const lsb = v128.and(i32x4.shr_u(r, 16), i32x4.splat(1));
  return i32x4.add(r, i32x4.add(lsb, i32x4.splat(0x7fff)));
}

@inline function arith(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return f32x4.add(x, y);
  if (op == SUB) return f32x4.sub(x, y);
  if (op == MUL) return f32x4.mul(x, y);
  return f32x4.div(x, y);
}

// NaN results whose inputs hold a NaN: the JS loops' choice of NaN (see the header).
@inline function fixNans(op: i32, a: v128, b: v128, c: v128): v128 {
  const magMask = i16x8.splat(0x7fff);
  const inf = i16x8.splat(0x7f80);
  const an = i16x8.gt_u(v128.and(a, magMask), inf);
  const bn = i16x8.gt_u(v128.and(b, magMask), inf);
  let na: v128;
  let nb: v128;
  if (op == ADD) {
    const quiet = i16x8.splat(0x40);
    na = v128.or(a, quiet);
    nb = v128.or(b, quiet);
  } else {
    const sign = i16x8.splat(-0x8000);
    const qnan = i16x8.splat(0x7fc0);
    na = v128.or(v128.and(a, sign), qnan);
    nb = v128.or(v128.and(b, sign), qnan);
  }
  if (op == ADD || op == MUL) return v128.bitselect(nb, v128.bitselect(na, c, an), bn);
  return v128.bitselect(na, v128.bitselect(nb, c, bn), an);
}

// Eight codes in each of a and b → eight result codes. Each 32-bit lane holds an even element
// (low half) and an odd one (high half): lane << 16 and lane & 0xffff0000 are their float32s.
@inline function vectorOp(op: i32, a: v128, b: v128): v128 {
  const high = i32x4.splat(0xffff0000);
  const xe = i32x4.shl(a, 16);
  const xo = v128.and(a, high);
  const ye = i32x4.shl(b, 16);
  const yo = v128.and(b, high);
  if (op == MAX || op == MIN) {
    const pe = v128.or(op == MAX ? f32x4.ge(xe, ye) : f32x4.le(xe, ye), f32x4.ne(xe, xe));
    const po = v128.or(op == MAX ? f32x4.ge(xo, yo) : f32x4.le(xo, yo), f32x4.ne(xo, xo));
    const r = v128.bitselect(a, b, v128.or(i32x4.shr_u(pe, 16), v128.and(po, high)));
    const rn = i16x8.gt_u(v128.and(r, i16x8.splat(0x7fff)), i16x8.splat(0x7f80));
    return v128.bitselect(v128.or(v128.and(r, i16x8.splat(-0x8000)), i16x8.splat(0x7fc0)), r, rn);
  }
  const re = arith(op, xe, ye);
  const ro = arith(op, xo, yo);
  const c = v128.or(i32x4.shr_u(roundHigh(re), 16), v128.and(roundHigh(ro), high));
  // Only a NaN result can come from a NaN input; those lanes are fixed off the hot path.
  if (!v128.any_true(v128.or(f32x4.ne(re, re), f32x4.ne(ro, ro)))) return c;
  return fixNans(op, a, b, c);
}

@inline function contiguous(op: i32, layout: i32, a: usize, b: usize, o: usize, n: i32): void {
  const splatA = i16x8.splat(load<u16>(a));
  const splatB = i16x8.splat(load<u16>(b));
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const byte = <usize>(i << 1);
    const x0 = layout == A_BROADCAST ? splatA : v128.load(a + byte);
    const x1 = layout == A_BROADCAST ? splatA : v128.load(a + byte, 16);
    const y0 = layout == B_BROADCAST ? splatB : v128.load(b + byte);
    const y1 = layout == B_BROADCAST ? splatB : v128.load(b + byte, 16);
    v128.store(o + byte, vectorOp(op, x0, y0));
    v128.store(o + byte, vectorOp(op, x1, y1), 16);
  }
  for (; i + 8 <= n; i += 8) {
    const byte = <usize>(i << 1);
    const x = layout == A_BROADCAST ? splatA : v128.load(a + byte);
    const y = layout == B_BROADCAST ? splatB : v128.load(b + byte);
    v128.store(o + byte, vectorOp(op, x, y));
  }
  for (; i < n; i++) {
    const byte = <usize>(i << 1);
    const x = <u32>(layout == A_BROADCAST ? load<u16>(a) : load<u16>(a + byte));
    const y = <u32>(layout == B_BROADCAST ? load<u16>(b) : load<u16>(b + byte));
    store<u16>(o + byte, <u16>scalarOp(op, x, y));
  }
}

@inline function binary(op: i32, a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void {
  if (n <= 0) return;
  if (so == 1) {
    if (sa == 1 && sb == 1) { contiguous(op, BOTH_CONTIGUOUS, a, b, o, n); return; }
    if (sa == 0 && sb == 1) { contiguous(op, A_BROADCAST, a, b, o, n); return; }
    if (sa == 1 && sb == 0) { contiguous(op, B_BROADCAST, a, b, o, n); return; }
  }
  const stepA = <usize>(sa << 1);
  const stepB = <usize>(sb << 1);
  const stepO = <usize>(so << 1);
  for (let i = 0; i < n; i++) {
    store<u16>(o, <u16>scalarOp(op, <u32>load<u16>(a), <u32>load<u16>(b)));
    a += stepA;
    b += stepB;
    o += stepO;
  }
}

export function add_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(ADD, a, sa, b, sb, o, so, n); }
export function subtract_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(SUB, a, sa, b, sb, o, so, n); }
export function multiply_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(MUL, a, sa, b, sb, o, so, n); }
export function divide_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(DIV, a, sa, b, sb, o, so, n); }
export function maximum_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(MAX, a, sa, b, sb, o, so, n); }
export function minimum_bf16(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void { binary(MIN, a, sa, b, sb, o, so, n); }
