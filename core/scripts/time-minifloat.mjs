// Times the hot bulk loops on 1e6 contiguous elements; prints median and min of 15 runs.
// Run: npx tsx core/scripts/time-minifloat.mjs   (default: values uniform in ±50;
// WIDE=1: magnitudes 2^-20..2^20, so float16/float8 see many subnormal and overflow results,
// whose branch is then unpredictable; ONLY=<name> runs one case)
import {
  float32ToBFloat16, float32ToFloat16, float64ToBFloat16, float64ToFloat16,
  float32ToFloat8E4M3FN, bfloat16ToFloat32, float16ToFloat32,
} from '../src/numeric/minifloat.ts';

const N = 1_000_000;
const f32 = new Float32Array(N);
const f64 = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const v = process.env.WIDE
    ? (Math.random() - 0.5) * 2 ** (Math.random() * 40 - 20)
    : (Math.random() - 0.5) * 100;
  f64[i] = v;
  f32[i] = v;
}
const u16 = new Uint16Array(N);
const u8 = new Uint8Array(N);
const back = new Float32Array(N);

function median(fn) {
  for (let w = 0; w < 5; w++) fn(); // warm up so the optimising compiler has run
  const times = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `${times[7].toFixed(3)} ms median, ${times[0].toFixed(3)} ms min`;
}

const cases = {
  float32ToFloat16: () => float32ToFloat16(N, f32, 0, 1, u16, 0, 1),
  float32ToBFloat16: () => float32ToBFloat16(N, f32, 0, 1, u16, 0, 1),
  float64ToFloat16: () => float64ToFloat16(N, f64, 0, 1, u16, 0, 1),
  float64ToBFloat16: () => float64ToBFloat16(N, f64, 0, 1, u16, 0, 1),
  float32ToFloat8E4M3FN: () => float32ToFloat8E4M3FN(N, f32, 0, 1, u8, 0, 1),
  bfloat16ToFloat32: () => bfloat16ToFloat32(N, u16, 0, 1, back, 0, 1),
  float16ToFloat32: () => float16ToFloat32(N, u16, 0, 1, back, 0, 1),
};
const only = process.env.ONLY; // run a single case, e.g. ONLY=float32ToFloat16
for (const [name, fn] of Object.entries(cases).filter(([k]) => !only || k === only)) console.log(`${name}: ${median(fn)} (1e6 elements)`);
