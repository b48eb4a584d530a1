// Baseline column: hand-written loops specialised per dtype. Arrays arrive as arguments at run
// time (not closure constants), which is what a real kernel loop gets (see STYLE.md).
import { makeInput, typedArrayClass } from '../lib/data.mjs';
import { float32BitsToFloat16Bits } from '../lib/float16.mjs';
import { addBfloat16Bits, float32BitsToBfloat16Bits, makeScratch } from '../lib/bfloat16.mjs';

function addFloat64(a, b, out) {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
  return out;
}
function addFloat32(a, b, out) {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
  return out;
}
function addInt32(a, b, out) {
  for (let i = 0; i < out.length; i++) out[i] = (a[i] + b[i]) | 0;
  return out;
}
const ADD = { float64: addFloat64, float32: addFloat32, int32: addInt32 };

/** out = A.T + B for side x side C-order matrices: A is read with stride `side`. */
function addTransposedFloat64(a, b, out, side) {
  for (let i = 0; i < side; i++) {
    const row = i * side;
    for (let j = 0; j < side; j++) out[row + j] = a[j * side + i] + b[row + j];
  }
  return out;
}

/** out = A.T (C order) for a side x side C-order matrix: reads A with stride `side`. */
function copyTransposedFloat64(a, out, side) {
  for (let i = 0; i < side; i++) {
    const row = i * side;
    for (let j = 0; j < side; j++) out[row + j] = a[j * side + i];
  }
  return out;
}

function castFloat64ToFloat32(src, out) {
  for (let i = 0; i < src.length; i++) out[i] = src[i];
  return out;
}

function sumFloat64(a) {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}

function castFloat32BitsToFloat16(bits, out) {
  for (let i = 0; i < bits.length; i++) out[i] = float32BitsToFloat16Bits(bits[i]);
  return out;
}

function castFloat32BitsToBfloat16(bits, out) {
  for (let i = 0; i < bits.length; i++) out[i] = float32BitsToBfloat16Bits(bits[i]);
  return out;
}

const CASTS = { float16: castFloat32BitsToFloat16, bfloat16: castFloat32BitsToBfloat16 };

function bfloat16Input(n, which) {
  return castFloat32BitsToBfloat16(new Uint32Array(makeInput('float32', n, which).buffer), new Uint16Array(n));
}

function setupAdd(spec) {
  if (spec.dtype === 'bfloat16') {
    const state = { a: bfloat16Input(spec.n, 0), b: bfloat16Input(spec.n, 1), out: new Uint16Array(spec.n), scratch: makeScratch() };
    if (spec.out) return { run: () => addBfloat16Bits(state.a, state.b, state.out, state.scratch) };
    return { run: () => addBfloat16Bits(state.a, state.b, new Uint16Array(spec.n), state.scratch) };
  }
  const loop = ADD[spec.dtype];
  if (!loop) return null;
  const Ctor = typedArrayClass(spec.dtype);
  const state = { a: makeInput(spec.dtype, spec.n, 0), b: makeInput(spec.dtype, spec.n, 1), out: new Ctor(spec.n) };
  if (spec.out) return { run: () => loop(state.a, state.b, state.out) };
  return { run: () => loop(state.a, state.b, new Ctor(state.a.length)) };
}

function setup(spec) {
  switch (spec.op) {
    case 'add':
      return setupAdd(spec);
    case 'addTransposed': {
      const state = { a: makeInput('float64', spec.n, 0), b: makeInput('float64', spec.n, 1), side: spec.side };
      return { run: () => addTransposedFloat64(state.a, state.b, new Float64Array(state.a.length), state.side) };
    }
    case 'sum': {
      const state = { a: makeInput('float64', spec.n, 0) };
      return { run: () => sumFloat64(state.a) };
    }
    case 'copyTransposed': {
      const state = { a: makeInput('float64', spec.n, 0), side: spec.side };
      return { run: () => copyTransposedFloat64(state.a, new Float64Array(state.a.length), state.side) };
    }
    case 'cast': {
      if (spec.dtype === 'float64' && spec.to === 'float32') {
        const state = { a: makeInput('float64', spec.n, 0) };
        return { run: () => castFloat64ToFloat32(state.a, new Float32Array(state.a.length)) };
      }
      const cast = CASTS[spec.to];
      if (spec.dtype !== 'float32' || !cast) return null;
      const input = makeInput('float32', spec.n, 0);
      const state = { bits: new Uint32Array(input.buffer) };
      return { run: () => cast(state.bits, new Uint16Array(state.bits.length)) };
    }
    default:
      return null;
  }
}

export default {
  name: 'hand loop',
  async available() {
    return true;
  },
  setup,
};
