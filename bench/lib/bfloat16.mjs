// bfloat16 on raw bits for the hand-written reference loops: float32 -> bfloat16 with
// round-to-nearest-even (NaN stays a quiet NaN with its sign), bfloat16 -> float32 exactly.

export function float32BitsToBfloat16Bits(bits) {
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) | 0x40) & 0xffff; // NaN: keep it quiet
  const lsb = (bits >>> 16) & 1; // ties go to even
  return ((bits + 0x7fff + lsb) >>> 16) & 0xffff;
}

/** out[i] = bfloat16(a[i] + b[i]), the sum computed in float32 and rounded once. */
export function addBfloat16Bits(a, b, out, scratch) {
  const { f32, u32 } = scratch;
  for (let i = 0; i < out.length; i++) {
    u32[0] = a[i] << 16;
    u32[1] = b[i] << 16;
    f32[2] = f32[0] + f32[1];
    out[i] = float32BitsToBfloat16Bits(u32[2]);
  }
  return out;
}

export function makeScratch() {
  const f32 = new Float32Array(3);
  return { f32, u32: new Uint32Array(f32.buffer) };
}
