/**
 * float32 → bfloat16 with overflow to ±inf (the default), one rounding to nearest even on the
 * float32 bit pattern. Only NaN needs a branch: with 'inf' overflow a carry past the largest
 * finite value lands on the inf pattern by itself. ('saturate' uses the kernel's loop.)
 */
const aliases = new WeakMap<Float32Array, Int32Array>();

/** Signed 32-bit view of the same memory: V8 keeps int32 values unboxed. */
function bitsOf(a: Float32Array): Int32Array {
  let alias = aliases.get(a);
  if (alias === undefined || alias.length !== a.length) {
    alias = new Int32Array(a.buffer, a.byteOffset, a.length);
    aliases.set(a, alias);
  }
  return alias;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const wordViews = new WeakMap<Uint16Array, Uint32Array>();

/** dst as 32-bit words (the caller checks that dst starts on a word). */
function wordsOf(a: Uint16Array): Uint32Array {
  let w = wordViews.get(a);
  if (w === undefined) {
    w = new Uint32Array(a.buffer, a.byteOffset, a.length >>> 1);
    wordViews.set(a, w);
  }
  return w;
}

function narrow(u: number): number {
  const mag = u & 0x7fffffff;
  // NaN → quiet NaN of the same sign; else add just under half an ulp plus the kept lsb.
  const r = mag > 0x7f800000 ? 0x7fc0 : (mag + 0x7fff + ((mag >>> 16) & 1)) >>> 16;
  return ((u >>> 16) & 0x8000) | r;
}

export function float32ToBFloat16Inf(
  n: number, src: Float32Array, srcOff: number, srcStride: number,
  dst: Uint16Array, dstOff: number, dstStride: number,
): void {
  const bits = bitsOf(src);
  if (srcStride === 1 && dstStride === 1 && n >= 8 && LITTLE_ENDIAN && dst.byteOffset % 4 === 0) {
    // Two results per 32-bit store: half the (bounds-checked) stores.
    let s = srcOff;
    let o = dstOff;
    let rest = n;
    if ((o & 1) === 1) { dst[o++] = narrow(bits[s++]!); rest--; }
    const words = wordsOf(dst);
    const m = rest >>> 1;
    for (let k = 0, w = o >>> 1; k < m; k++, w++, s += 2) words[w] = narrow(bits[s]!) | (narrow(bits[s + 1]!) << 16);
    if ((rest & 1) === 1) dst[o + 2 * m] = narrow(bits[s]!);
    return;
  }
  if (srcStride === 1 && dstStride === 1) {
    for (let k = 0; k < n; k++) dst[dstOff + k] = narrow(bits[srcOff + k]!);
    return;
  }
  for (let k = 0, s = srcOff, o = dstOff; k < n; k++, s += srcStride, o += dstStride) dst[o] = narrow(bits[s]!);
}
