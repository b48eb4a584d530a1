// Fused multiply-add with a single rounding (IEEE 754-2019 §5.4.1), computed exactly with
// BigInt (fma has no speed target) and rounded by the shared roundPack.
import { classify, FINITE, INF, NAN, ZERO } from './unpack.js';
import { packInf, packNaN, packZero, propagateNaN } from './round-pack.js';
import { roundFromBig, toParts } from './bigint-bridge.js';

/** out = a × b + c with one rounding (RNE). */
export function fma128(
  a: Uint32Array, ai: number, b: Uint32Array, bi: number, c: Uint32Array, ci: number, out: Uint32Array, oi: number,
): void {
  const ca = classify(a, ai), cb = classify(b, bi), cc = classify(c, ci);
  const ps = (a[ai + 3]! ^ b[bi + 3]!) & 0x80000000;
  const cs = c[ci + 3]! & 0x80000000;
  if (ca === NAN) { propagateNaN(a, ai, out, oi); return; }
  if (cb === NAN) { propagateNaN(b, bi, out, oi); return; }
  if ((ca === INF && cb === ZERO) || (ca === ZERO && cb === INF)) { packNaN(out, oi); return; }
  if (cc === NAN) { propagateNaN(c, ci, out, oi); return; }
  if (ca === INF || cb === INF) {
    if (cc === INF && cs !== ps) packNaN(out, oi);
    else packInf(ps, out, oi);
    return;
  }
  if (cc === INF) { packInf(cs, out, oi); return; }
  const pa = toParts(a, ai), pb = toParts(b, bi), pc = toParts(c, ci);
  const pm = ca === ZERO || cb === ZERO ? 0n : pa.mant * pb.mant;
  const pe = pa.exp + pb.exp;
  const cm = cc === ZERO ? 0n : pc.mant;
  if (pm === 0n && cm === 0n) {
    // Exact zero: sign rules of §6.3 (−0 only if both addends are −0).
    packZero(ps === cs ? ps : 0, out, oi);
    return;
  }
  void FINITE;
  // Align to the smaller exponent; both values are exact integers there.
  const e = Math.min(pe, pc.exp);
  const x = (ps !== 0 ? -pm : pm) << BigInt(pe - e);
  const y = (cs !== 0 ? -cm : cm) << BigInt(pc.exp - e);
  const s = x + y;
  if (s === 0n) { packZero(0, out, oi); return; }
  roundFromBig(s < 0n, s < 0n ? -s : s, e, false, out, oi);
}
