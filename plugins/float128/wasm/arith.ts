// binary128 add/subtract/multiply/divide kernels (AssemblyScript → wasm), bit-identical to the
// lane functions in src/soft/: correctly rounded (RNE), subnormals, signed zeros, inf, and NaN
// results exactly as soft/ produces them (first NaN operand with its quiet bit set; invalid
// operations give the positive default NaN 0x7fff8000…0).
//
// An element is two little-endian u64 halves: lo (fraction bits 0..63), hi (sign 63, exponent
// 48..62, fraction 48 bits). Significands are (sH:sL) with the hidden bit at bit 48 of sH, plus a
// 64-bit extra word x below them (round bit = top bit of x, sticky jammed into bit 0).
// Exponents use the soft/ convention: biased − 1, so packing is (exp << 48) + sH.

const HIDDEN: u64 = 0x0001000000000000;
const FRAC: u64 = 0x0000ffffffffffff;
const SIGN: u64 = 0x8000000000000000;
const ABS: u64 = 0x7fffffffffffffff;
const HALF: u64 = 0x8000000000000000;
const M32: u64 = 0xffffffff;

// Working registers (wasm globals; the kernels are single-threaded per call).
let sH: u64 = 0;
let sL: u64 = 0;
let sX: u64 = 0;

@inline function storeInf(o: usize, sign: u64): void {
  store<u64>(o, 0);
  store<u64>(o, sign | 0x7fff000000000000, 8);
}

@inline function storeZero(o: usize, sign: u64): void {
  store<u64>(o, 0);
  store<u64>(o, sign, 8);
}

@inline function storeDefaultNaN(o: usize): void {
  store<u64>(o, 0);
  store<u64>(o, 0x7fff800000000000, 8);
}

@inline function storeQuieted(o: usize, lo: u64, hi: u64): void {
  store<u64>(o, lo);
  store<u64>(o, hi | 0x0000800000000000, 8);
}

@inline function isNaNBits(lo: u64, hi: u64): bool {
  return (hi & 0x7fff000000000000) == 0x7fff000000000000 && ((hi & FRAC) | lo) != 0;
}

/** Rounds (sH:sL, sX) to nearest even and stores; requires exp ≥ 0, sH < 2^49. */
@inline function roundPackParts(o: usize, sign: u64, exp: i32): void {
  let h = sH, l = sL;
  const x = sX;
  if (x > HALF || (x == HALF && (l & 1) != 0)) {
    l += 1;
    if (l == 0) h += 1;
  }
  const field = <u64>exp + (h >> 48);
  if (field >= 0x7fff) { storeInf(o, sign); return; }
  store<u64>(o, l);
  store<u64>(o, sign | (field << 48) | (h & FRAC), 8);
}

/** Shifts (sH:sL:sX) right by n > 0 bits, jamming lost bits into bit 0 of sX. */
function shiftRightJam(n: i32): void {
  if (n >= 192) {
    sX = (sH | sL | sX) != 0 ? 1 : 0;
    sH = 0; sL = 0;
  } else if (n >= 128) {
    const k = <u64>(n - 128);
    let sticky = sL | sX;
    let x = sH;
    if (k != 0) { sticky |= sH << (64 - k); x = sH >> k; }
    sX = x | (sticky != 0 ? 1 : 0);
    sH = 0; sL = 0;
  } else if (n >= 64) {
    const k = <u64>(n - 64);
    let sticky = sX;
    let x = sL;
    let l = sH;
    if (k != 0) {
      sticky |= sL << (64 - k);
      x = (sL >> k) | (sH << (64 - k));
      l = sH >> k;
    }
    sX = x | (sticky != 0 ? 1 : 0);
    sL = l; sH = 0;
  } else if (n > 0) {
    const k = <u64>n;
    const sticky = sX << (64 - k);
    sX = (sX >> k) | (sL << (64 - k)) | (sticky != 0 ? 1 : 0);
    sL = (sL >> k) | (sH << (64 - k));
    sH = sH >> k;
  }
}

/** roundPackParts for any exp (negative exponents denormalise first). */
@inline function roundPack(o: usize, sign: u64, exp: i32): void {
  if (exp < 0) { shiftRightJam(-exp); exp = 0; }
  roundPackParts(o, sign, exp);
}

// ---- add / subtract ---------------------------------------------------------------------------

function addSpecial(o: usize, aL: u64, aH: u64, bL: u64, bHorig: u64, bH: u64): void {
  if (isNaNBits(aL, aH)) { storeQuieted(o, aL, aH); return; }
  if (isNaNBits(bL, bHorig)) { storeQuieted(o, bL, bHorig); return; }
  const aInf = (aH & 0x7fff000000000000) == 0x7fff000000000000;
  const bInf = (bH & 0x7fff000000000000) == 0x7fff000000000000;
  if (aInf && bInf) {
    if (((aH ^ bH) & SIGN) != 0) storeDefaultNaN(o);
    else storeInf(o, aH & SIGN);
    return;
  }
  storeInf(o, (aInf ? aH : bH) & SIGN);
}

/** o = a + (b with sign flipped by `flip`). */
@inline function addOne(a: usize, b: usize, o: usize, flip: u64): void {
  const aL = load<u64>(a), aH = load<u64>(a, 8);
  const bL = load<u64>(b), bHorig = load<u64>(b, 8);
  const bH = bHorig ^ flip;
  const ea = <i32>((aH >> 48) & 0x7fff);
  const eb = <i32>((bH >> 48) & 0x7fff);
  if (ea == 0x7fff || eb == 0x7fff) { addSpecial(o, aL, aH, bL, bHorig, bH); return; }
  const ha = aH & ABS, hb = bH & ABS;
  const aBig = ha != hb ? ha > hb : aL >= bL;
  let BH: u64, BL: u64, mH: u64, mL: u64, eB: i32, eS: i32, sign: u64;
  if (aBig) {
    BH = aH & FRAC; BL = aL; eB = ea; mH = bH & FRAC; mL = bL; eS = eb; sign = aH & SIGN;
  } else {
    BH = bH & FRAC; BL = bL; eB = eb; mH = aH & FRAC; mL = aL; eS = ea; sign = bH & SIGN;
  }
  if (eB != 0) { BH |= HIDDEN; eB -= 1; }
  if (eS != 0) { mH |= HIDDEN; eS -= 1; }
  const d = eB - eS;
  let x: u64 = 0;
  if (d > 0) {
    if (d < 64) {
      const k = <u64>d;
      x = mL << (64 - k);
      mL = (mL >> k) | (mH << (64 - k));
      mH = mH >> k;
    } else if (d < 128) {
      const k = <u64>(d - 64);
      if (k == 0) { x = mL; mL = mH; }
      else {
        const sticky = mL << (64 - k);
        x = (mL >> k) | (mH << (64 - k)) | (sticky != 0 ? 1 : 0);
        mL = mH >> k;
      }
      mH = 0;
    } else {
      x = (mH | mL) != 0 ? 1 : 0;
      mH = 0; mL = 0;
    }
  }
  if (((aH ^ bH) & SIGN) == 0) {
    let l = BL + mL;
    let h = BH + mH + (l < BL ? 1 : 0);
    if (h >= 0x0002000000000000) {
      x = (x >> 1) | (l << 63) | (x & 1);
      l = (l >> 1) | (h << 63);
      h = h >> 1;
      eB += 1;
    }
    sH = h; sL = l; sX = x;
    roundPackParts(o, sign, eB);
    return;
  }
  // Magnitude subtraction big − small (big has no extra bits).
  const nx = 0 - x;
  const br1: u64 = x != 0 ? 1 : 0;
  const l = BL - mL - br1;
  const br2: u64 = BL < mL || (BL == mL && br1 != 0) ? 1 : 0;
  const h = BH - mH - br2;
  if ((h | l | nx) == 0) { storeZero(o, 0); return; }
  sH = h; sL = l; sX = nx;
  if (h >= HIDDEN || eB == 0) { roundPackParts(o, sign, eB); return; }
  // Renormalise (never below exp 0: subnormal results here are exact).
  let lz: i32;
  if (h != 0) lz = <i32>clz<u64>(h) - 15;
  else if (l != 0) lz = <i32>clz<u64>(l) + 49;
  else lz = <i32>clz<u64>(nx) + 113;
  const sh = lz < eB ? lz : eB;
  if (sh >= 128) {
    sH = nx << <u64>(sh - 128); sL = 0; sX = 0;
  } else if (sh >= 64) {
    const k = <u64>(sh - 64);
    sH = k == 0 ? l : (l << k) | (nx >> (64 - k));
    sL = nx << k; sX = 0;
  } else if (sh > 0) {
    const k = <u64>sh;
    sH = (h << k) | (l >> (64 - k));
    sL = (l << k) | (nx >> (64 - k));
    sX = nx << k;
  }
  roundPackParts(o, sign, eB - sh);
}

// ---- multiply / divide operand unpacking ------------------------------------------------------

/** Normalises the finite significand of (lo, hi) into (sH:sL) with the hidden bit at 112; returns exp. */
@inline function unpackNorm(lo: u64, hi: u64): i32 {
  const e = <i32>((hi >> 48) & 0x7fff);
  if (e != 0) { sH = (hi & FRAC) | HIDDEN; sL = lo; return e - 1; }
  return unpackSubnormal(lo, hi & FRAC);
}

function unpackSubnormal(lo: u64, h: u64): i32 {
  let lz: i32;
  if (h != 0) lz = <i32>clz<u64>(h) - 15;
  else lz = <i32>clz<u64>(lo) + 49;
  if (lz >= 64) {
    sH = lo << <u64>(lz - 64); sL = 0;
  } else {
    const k = <u64>lz;
    sH = (h << k) | (lo >> (64 - k)); // lz ≥ 1 here (no hidden bit)
    sL = lo << k;
  }
  return -lz;
}

/** 0 zero, 1 finite nonzero, 2 inf, 3 NaN. */
@inline function classify(lo: u64, hi: u64): i32 {
  const e = (hi >> 48) & 0x7fff;
  const f = (hi & FRAC) | lo;
  if (e == 0x7fff) return f != 0 ? 3 : 2;
  return e == 0 && f == 0 ? 0 : 1;
}

/** Special operands of multiply (isDiv false) or divide; returns true when the result is stored. */
function mulDivSpecial(o: usize, aL: u64, aH: u64, bL: u64, bH: u64, sign: u64, isDiv: bool): bool {
  const ca = classify(aL, aH), cb = classify(bL, bH);
  if (ca == 1 && cb == 1) return false;
  if (ca == 3) storeQuieted(o, aL, aH);
  else if (cb == 3) storeQuieted(o, bL, bH);
  else if (isDiv) {
    if ((ca == 2 && cb == 2) || (ca == 0 && cb == 0)) storeDefaultNaN(o);
    else if (ca == 2 || cb == 0) storeInf(o, sign);
    else storeZero(o, sign);
  } else {
    if ((ca == 2 && cb == 0) || (ca == 0 && cb == 2)) storeDefaultNaN(o);
    else if (ca == 2 || cb == 2) storeInf(o, sign);
    else storeZero(o, sign);
  }
  return true;
}

@inline function needsSpecial(aH: u64, bH: u64): bool {
  const ha = aH & 0x7fff000000000000, hb = bH & 0x7fff000000000000;
  return ha == 0 || ha == 0x7fff000000000000 || hb == 0 || hb == 0x7fff000000000000;
}

// ---- multiply ---------------------------------------------------------------------------------

@inline function mulOne(a: usize, b: usize, o: usize): void {
  const aL = load<u64>(a), aH = load<u64>(a, 8);
  const bL = load<u64>(b), bH = load<u64>(b, 8);
  const sign = (aH ^ bH) & SIGN;
  if (needsSpecial(aH, bH) && mulDivSpecial(o, aL, aH, bL, bH, sign, false)) return;
  const ea = unpackNorm(aL, aH);
  const xH = sH, xL = sL;
  const eb = unpackNorm(bL, bH);
  const yH = sH, yL = sL;
  // 32-bit limbs; products < 2^64; columns summed as separate low and high halves (< 2^36).
  const a0 = xL & M32, a1 = xL >> 32, a2 = xH & M32, a3 = xH >> 32;
  const b0 = yL & M32, b1 = yL >> 32, b2 = yH & M32, b3 = yH >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p02 = a0 * b2, p03 = a0 * b3;
  const p10 = a1 * b0, p11 = a1 * b1, p12 = a1 * b2, p13 = a1 * b3;
  const p20 = a2 * b0, p21 = a2 * b1, p22 = a2 * b2, p23 = a2 * b3;
  const p30 = a3 * b0, p31 = a3 * b1, p32 = a3 * b2, p33 = a3 * b3;
  let s = p00 & M32;
  const z0 = s & M32;
  s = (s >> 32) + (p00 >> 32) + (p01 & M32) + (p10 & M32);
  const z1 = s & M32;
  s = (s >> 32) + (p01 >> 32) + (p10 >> 32) + (p02 & M32) + (p11 & M32) + (p20 & M32);
  const z2 = s & M32;
  s = (s >> 32) + (p02 >> 32) + (p11 >> 32) + (p20 >> 32) + (p03 & M32) + (p12 & M32) + (p21 & M32) + (p30 & M32);
  const z3 = s & M32;
  s = (s >> 32) + (p03 >> 32) + (p12 >> 32) + (p21 >> 32) + (p30 >> 32) + (p13 & M32) + (p22 & M32) + (p31 & M32);
  const z4 = s & M32;
  s = (s >> 32) + (p13 >> 32) + (p22 >> 32) + (p31 >> 32) + (p23 & M32) + (p32 & M32);
  const z5 = s & M32;
  s = (s >> 32) + (p23 >> 32) + (p32 >> 32) + (p33 & M32);
  const z6 = s & M32;
  s = (s >> 32) + (p33 >> 32);
  const z7 = s;
  // Product in [2^224, 2^226): significand = P >> 112, extra = bits 48..111, sticky = bits 0..47.
  let h = (z5 >> 16) | (z6 << 16) | (z7 << 48);
  let l = (z3 >> 16) | (z4 << 16) | (z5 << 48);
  let x = (z1 >> 16) | (z2 << 16) | (z3 << 48) | ((z0 | (z1 & 0xffff)) != 0 ? 1 : 0);
  let exp = ea + eb - 16382;
  if (h >= 0x0002000000000000) {
    x = (x >> 1) | (l << 63) | (x & 1);
    l = (l >> 1) | (h << 63);
    h = h >> 1;
    exp += 1;
  }
  sH = h; sL = l; sX = x;
  roundPack(o, sign, exp);
}

// ---- divide (after Berkeley SoftFloat's f128_div, 29-bit quotient digits) ----------------------

@inline function divOne(a: usize, b: usize, o: usize): void {
  const aL = load<u64>(a), aH = load<u64>(a, 8);
  const bL = load<u64>(b), bH = load<u64>(b, 8);
  const sign = (aH ^ bH) & SIGN;
  if (needsSpecial(aH, bH) && mulDivSpecial(o, aL, aH, bL, bH, sign, true)) return;
  const eb = unpackNorm(bL, bH);
  const dH = sH, dL = sL;
  const ea = unpackNorm(aL, aH);
  let rH = sH, rL = sL;
  let exp = ea - eb + 16382;
  if (rH < dH || (rH == dH && rL < dL)) {
    exp -= 1;
    rH = (rH << 1) | (rL >> 63);
    rL = rL << 1;
  }
  const recip: u64 = 0x7fffffffffffffff / (dH >> 17); // ≈ 2^63 / top 32 bits of the divisor
  const dL0 = dL & M32, dL1 = dL >> 32;
  let q: u64 = 0, qs2: u64 = 0, qs1: u64 = 0, qs0: u64 = 0;
  let tH: u64 = 0, tL: u64 = 0, mid: u64 = 0, nL: u64 = 0;
  for (let ix = 2; ix >= 0; ix--) {
    q = (((rH >> 19) & M32) * recip + 0x80000000) >> 32;
    // rem = (rem << 29) − q·B (mod 2^128; the true value is small)
    rH = (rH << 29) | (rL >> 35);
    rL = rL << 29;
    tL = dL * q;
    mid = dL1 * q + ((dL0 * q) >> 32);
    tH = dH * q + (mid >> 32);
    nL = rL - tL;
    rH = rH - tH - (rL < tL ? 1 : 0);
    rL = nL;
    if ((rH & SIGN) != 0) {
      q -= 1;
      nL = rL + dL;
      rH = rH + dH + (nL < rL ? 1 : 0);
      rL = nL;
    }
    if (ix == 2) qs2 = q; else if (ix == 1) qs1 = q; else qs0 = q;
  }
  q = (((rH >> 19) & M32) * recip + 0x80000000) >> 32;
  if (((q + 1) & 7) < 2) {
    rH = (rH << 29) | (rL >> 35);
    rL = rL << 29;
    tL = dL * q;
    mid = dL1 * q + ((dL0 * q) >> 32);
    tH = dH * q + (mid >> 32);
    nL = rL - tL;
    rH = rH - tH - (rL < tL ? 1 : 0);
    rL = nL;
    if ((rH & SIGN) != 0) {
      q -= 1;
      nL = rL + dL;
      rH = rH + dH + (nL < rL ? 1 : 0);
      rL = nL;
    } else if (dH < rH || (dH == rH && dL <= rL)) {
      q += 1;
      nL = rL - dL;
      rH = rH - dH - (rL < dL ? 1 : 0);
      rL = nL;
    }
    if ((rH | rL) != 0) q |= 1;
  }
  const x = q << 60;
  const l0 = (qs0 << 25) + (q >> 4);
  const l1 = qs1 << 54;
  const l = l0 + l1;
  sH = (qs2 << 19) + (qs1 >> 10) + (l < l0 ? 1 : 0);
  sL = l;
  sX = x;
  roundPack(o, sign, exp);
}

// ---- strided kernels (byte pointers, strides in elements) -------------------------------------

export function add_f128(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void {
  const da = <usize>(sa << 4), db = <usize>(sb << 4), dout = <usize>(so << 4);
  for (let i = 0; i < n; i++) { addOne(a, b, o, 0); a += da; b += db; o += dout; }
}

export function sub_f128(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void {
  const da = <usize>(sa << 4), db = <usize>(sb << 4), dout = <usize>(so << 4);
  for (let i = 0; i < n; i++) { addOne(a, b, o, SIGN); a += da; b += db; o += dout; }
}

export function mul_f128(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void {
  const da = <usize>(sa << 4), db = <usize>(sb << 4), dout = <usize>(so << 4);
  for (let i = 0; i < n; i++) { mulOne(a, b, o); a += da; b += db; o += dout; }
}

export function div_f128(a: usize, sa: i32, b: usize, sb: i32, o: usize, so: i32, n: i32): void {
  const da = <usize>(sa << 4), db = <usize>(sb << 4), dout = <usize>(so << 4);
  for (let i = 0; i < n; i++) { divOne(a, b, o); a += da; b += db; o += dout; }
}

// ---- square root (float64 seed, two exact integer correction stages) -------------------------
// A = significand (or 2× it, making the exponent even) ∈ [2^112, 2^114). Q = ⌊√(A·2^114)⌋ ∈
// [2^113, 2^114) carries the 113-bit result plus the round bit; the remainder A·2^114 − Q² gives
// the sticky bit (a square root is never exactly halfway, so RNE of (Q, sticky) is the correctly
// rounded result — the same bits as soft/'s sqrt128).
// Stage 1: s = ⌊√A⌋ (57 bits) from a float64 root fixed with the exact remainder E = A − s²
// (|E| < 2^63, so its low 64 bits suffice). Stage 2: q ≈ E·2^56 / s (a float64 quotient fixed with
// its exact remainder), which over-estimates √(A·2^114) − s·2^57 by at most about 1; the final
// loop makes Q exact with the 128-bit remainder (small, so computed mod 2^128).

const TWO56: f64 = 72057594037927936.0; // 2^56
const TWO64: f64 = 18446744073709551616.0; // 2^64

function sqrtSpecial(o: usize, lo: u64, hi: u64): void {
  const e = (hi >> 48) & 0x7fff;
  const f = (hi & FRAC) | lo;
  if (e == 0x7fff && f != 0) { storeQuieted(o, lo, hi); return; }
  if (e == 0 && f == 0) { store<u64>(o, 0); store<u64>(o, hi, 8); return; }
  if ((hi & SIGN) != 0) { storeDefaultNaN(o); return; }
  store<u64>(o, 0); store<u64>(o, hi, 8); // +inf
}

@inline function sqrtOne(a: usize, o: usize): void {
  const lo = load<u64>(a), hi = load<u64>(a, 8);
  const eb = hi & 0x7fff000000000000;
  if ((hi & SIGN) != 0 || eb == 0x7fff000000000000 || (eb == 0 && ((hi & FRAC) | lo) == 0)) {
    sqrtSpecial(o, lo, hi);
    return;
  }
  let ex = unpackNorm(lo, hi) + 1 - 16383;
  let aH = sH, aL = sL;
  if ((ex & 1) != 0) { ex -= 1; aH = (aH << 1) | (aL >> 63); aL <<= 1; }
  // Stage 1.
  const sf = sqrt<f64>(<f64>aH * TWO64 + <f64>aL); // ∈ [2^56, 2^57], within 25 of √A
  let s = <u64>sf;
  let E = <i64>(aL - s * s);
  s += <u64>(<i64>nearest<f64>(<f64>E / (sf + sf)));
  E = <i64>(aL - s * s);
  while (E < 0) { s -= 1; E += <i64>((s << 1) | 1); }
  while (E > <i64>(s << 1)) { E -= <i64>((s << 1) | 1); s += 1; }
  // Stage 2 (0 ≤ E ≤ 2s < 2^58).
  const fs = <f64>s;
  let q = <i64>(<f64>E * TWO56 / fs);
  const r = <i64>((<u64>E << 56) - <u64>q * s); // exact: |r| < 64·s
  q += <i64>floor<f64>(<f64>r / fs);
  const base = s << 57;
  let QL = base + <u64>q;
  let QH = (s >> 7) + (QL < base ? 1 : 0); // q ≥ 0
  // R = A·2^114 − Q² (mod 2^128; the true value is small).
  const x0 = QL & M32, x1 = QL >> 32;
  const p00 = x0 * x0, p01 = x0 * x1, p11 = x1 * x1;
  const pL = p00 + (p01 << 33);
  const pH = p11 + (p01 >> 31) + (pL < p00 ? 1 : 0) + ((QH * QL) << 1);
  let rL = 0 - pL;
  let rH = (aL << 50) - pH - (pL != 0 ? 1 : 0);
  while (<i64>rH < 0) { // Q −= 1; R += 2Q + 1
    QH -= QL == 0 ? 1 : 0; QL -= 1;
    const tL = (QL << 1) | 1, tH = (QH << 1) | (QL >> 63);
    const nL = rL + tL;
    rH = rH + tH + (nL < rL ? 1 : 0); rL = nL;
  }
  for (;;) { // while R ≥ 2Q + 1: R −= 2Q + 1; Q += 1
    const tL = (QL << 1) | 1, tH = (QH << 1) | (QL >> 63);
    const nH = rH - tH - (rL < tL ? 1 : 0);
    if (<i64>nH < 0) break;
    rH = nH; rL = rL - tL;
    QL += 1; QH += QL == 0 ? 1 : 0;
  }
  sH = QH >> 1;
  sL = (QH << 63) | (QL >> 1);
  sX = (QL << 63) | ((rH | rL) != 0 ? 1 : 0);
  roundPackParts(o, 0, (ex >> 1) + 16382);
}

export function sqrt_f128(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  const da = <usize>(sa << 4), dout = <usize>(so << 4);
  for (let i = 0; i < n; i++) { sqrtOne(a, o); a += da; o += dout; }
}
