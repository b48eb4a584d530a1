// `npm run demo`: a short tour of dtkit — arrays, NumPy 2 promotion, ufuncs with `out`,
// reductions, plugins, backends / memory / threads, and a user-defined dtype (the rational
// example) plugged in with `use()`.
import * as dt from 'dtkit';
import { rationalDemo } from '../examples/custom-dtype/src/demo.js';
import { plugin as quad, float128, Float128 } from '@dtkit/float128';
import { plugin as ml, bfloat16, float8_e4m3fn } from '@dtkit/bfloat16';
import { plugin as maskedPlugin, isNA, fillNA } from '@dtkit/masked';
import { plugin as unitsPlugin, quantity, convert, unitOf } from '@dtkit/units';

const print = (s: string): void => console.log(s);
const section = (title: string): void => print(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);

section('arrays');
const a = dt.array([1, 2, 3]);
const b = dt.array([1, 2, 3], { dtype: 'int8' });
print(`dt.array([1, 2, 3])                   → ${a}`);
print(`dt.array([1, 2, 3], { dtype: 'int8' }) → ${b}`);
const m = dt.arange(6, undefined, undefined, { dtype: 'float32' }).reshape([2, 3]);
print(`arange(6).reshape(2, 3) as float32     → ${m.toString().replace(/\n/g, '\n' + ' '.repeat(41))}`);
print(`its transpose, a view                  → ${m.T.toString().replace(/\n/g, '\n' + ' '.repeat(41))}`);
print(`slice(null, '::-1')                    → ${m.slice(null, '::-1').toString().replace(/\n/g, '\n' + ' '.repeat(41))}`);

section('promotion (NumPy 2 / NEP 50)');
print(`int8 + uint8                 → ${dt.promoteTypes('int8', 'uint8').name}`);
print(`int8 array + 1 (weak int)    → ${dt.add(b, 1).dtype.name}`);
print(`int8 array + 1.5 (weak float)→ ${dt.add(b, 1.5).dtype.name}`);
print(`float32 array + 1e300        → ${dt.add(m, 1e300).dtype.name}`);
print(`resultType(int8, uint8, float16) → ${dt.resultType('int8', 'uint8', 'float16').name}`);
try {
  dt.add(dt.array([1], { dtype: 'uint8' }), 300);
} catch (e) {
  const err = e as dt.DTKitError;
  print(`uint8 array + 300            → ${err.name} [${err.code}]: ${err.message}`);
}
print(`canCast(int64, float64, 'safe') = ${dt.canCast('int64', 'float64')}, canCast(float64, int64, 'same_kind') = ${dt.canCast('float64', 'int64', 'same_kind')}`);

section('ufuncs with out, where, broadcasting');
const out = dt.zeros([3]);
dt.add(a, 1.5, { out });
print(`dt.add(a, 1.5, { out })                → ${out}`);
dt.multiply(a, 10, { out, where: dt.array([true, false, true]) });
print(`dt.multiply(a, 10, { out, where })     → ${out}`);
print(`dt.multiply.outer(a, b)                → ${dt.multiply.outer(a, b).toString().replace(/\n/g, '\n' + ' '.repeat(41))}`);
print(`dt.floorDivide(b, 0) (NumPy: 0)        → ${dt.floorDivide(b, 0)}`);

section('reductions');
print(`dt.sum(m, { axis: 0, keepdims: true }) → ${dt.sum(m, { axis: 0, keepdims: true })}`);
print(`dt.add.accumulate(a)                   → ${dt.add.accumulate(a)}`);
print(`dt.sum(int8 array) accumulates in int64 → ${dt.sum(dt.array([100, 100], { dtype: 'int8' }))}`);
print(`dt.mean(m, { axis: 1 })                → ${dt.mean(m, { axis: 1 })}`);
print(`dt.argmax(dt.array([3, 9, 1]))         → ${dt.argmax(dt.array([3, 9, 1]))}`);

section('plugins: float128 and bfloat16 / float8 (dt.use)');
dt.use(quad);
dt.use(ml);
const q = dt.array(['0.1', '1e4000'], { dtype: float128 });
print(`dt.array(['0.1', '1e4000'], { dtype: float128 }) → ${q}`);
print(`0.1 as float128 bytes (C __float128 layout)     → ${Buffer.from(q.slice('0:1').toBytes()).reverse().toString('hex')}`);
print(`sqrt(2) in float128                             → ${dt.sqrt(dt.array([2], { dtype: float128 }))}`);
print(`float128 + int64 → ${dt.resultType(float128, 'int64').name}; 1/3 (f128) → ${Float128.from(1).div(Float128.from(3))}`);
const bf = dt.array([16842753, 1.00390625, 3.14159], { dtype: 'float64' }).astype(bfloat16);
print(`float64 → bfloat16, one rounding              → ${bf}`);
print(`bfloat16 + float16 → ${dt.promoteTypes(bfloat16, 'float16').name}`);
const e4 = dt.array([448, 464, 465]);
print(`[448, 464, 465] → float8_e4m3fn               → ${e4.astype(float8_e4m3fn)}`);
print(`  with { overflow: 'saturate' }                → ${e4.astype(float8_e4m3fn, { overflow: 'saturate' })}`);

section('plugins: missing values (masked[T]) and units (quantity[T,unit])');
dt.use(maskedPlugin);
dt.use(unitsPlugin);
const na = dt.array([1, null, 3]);
print(`dt.array([1, null, 3])                        → ${na}  (${na.dtype.name})`);
print(`dt.add(a, 1) / dt.less(a, 2)                  → ${JSON.stringify(dt.add(na, 1).toArray())} / ${JSON.stringify(dt.less(na, 2).toArray())}`);
print(`sum (NA skipped) / sum skipna: false / mean   → ${dt.sum(na).item()} / ${dt.sum(na, { skipna: false }).item()} / ${dt.mean(na).item()}`);
print(`Kleene: [true, null, false] | null            → ${JSON.stringify(dt.logicalOr(dt.array([true, null, false]), dt.array([null, null, null])).toArray())}`);
print(`isNA / fillNA(a, 0)                           → ${JSON.stringify(isNA(na).toArray())} / ${JSON.stringify(fillNA(na, 0).toArray())}`);
print(`masked[float128] (any registered T)           → ${dt.array(['0.1', null], { dtype: 'masked[float128]' })}`);
const dist = dt.array([100, 250], { dtype: 'quantity[float64,m]' });
const time = dt.array([9.58, 19.19], { dtype: quantity('s') });
const speed = dt.divide(dist, time);
print(`[100, 250] m / [9.58, 19.19] s                → unit ${unitOf(speed)}; in km/h ${JSON.stringify(convert(speed, 'km/h').toArray())}`);
print(`m + km (converted once per call)              → ${JSON.stringify(dt.add(dist, dt.array([1, 2], { dtype: quantity('km') })).toArray())} m`);
try {
  dt.add(dist, time);
} catch (e) {
  print(`m + s                                         → ${(e as Error).name} [${(e as { code: string }).code}]`);
}

section('backends, memory and threads');
print(`backends tried on the cpu: ${dt.backendsFor('cpu').join(' → ')}`);
const big = dt.arange(1_000_000, undefined, undefined, { dtype: 'float64' }).reshape([1000, 1000]);
const msPerCall = (f: () => unknown, reps = 20): string => {
  for (let i = 0; i < 5; i++) dt.tidy(() => { f(); }); // warm up (JIT, fresh workers)
  const start = performance.now();
  for (let i = 0; i < reps; i++) dt.tidy(() => { f(); }); // tidy: each result's memory is reused at once
  return `${((performance.now() - start) / reps).toFixed(2)} ms`;
};
print(`A.T + B, 1000×1000 float64 (plane kernel)    → ${msPerCall(() => dt.add(big.transpose(), big))} per call`);
print(`the same on ${await dt.setThreads(2)} threads (dt.setThreads(2))    → ${msPerCall(() => dt.add(big.transpose(), big))} per call`);
await dt.setThreads(1);
const total = dt.tidy(() => dt.sum(dt.multiply(big, 2)));
print(`tidy(() => sum(big * 2)) = ${total.item()} (the 8 MB product is already released)`);

section('a user-defined dtype: rational (examples/custom-dtype)');
await rationalDemo(print);
