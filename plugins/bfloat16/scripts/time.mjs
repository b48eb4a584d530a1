// Times the hot bfloat16 paths on 1e6 elements against references measured in the same run:
// a hand-written float32 add loop, dtkit's own float32 add, and numpy's astype(float16).
// Run: cd /work/main && npx tsx plugins/bfloat16/scripts/time.mjs [runs]
import { execFileSync } from 'node:child_process';
import * as dt from 'dtkit';
import { plugin, bfloat16 } from '@dtkit/bfloat16';

dt.use(plugin);
const n = 1_000_000;
const runs = Number(process.argv[2] ?? 21);

function median(fn) {
  for (let w = 0; w < 5; w++) fn();
  const ts = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ts.sort((x, y) => x - y);
  return ts[ts.length >> 1];
}

const values = Array.from({ length: n }, () => (Math.random() - 0.5) * 2 ** (Math.random() * 20 - 10));
const f32 = dt.array(values, { dtype: 'float32' });
const f32b = dt.array(values.map((v) => v * 0.75), { dtype: 'float32' });
const f32out = dt.empty([n], { dtype: 'float32' });
const bf = f32.astype(bfloat16);
const bfb = f32b.astype(bfloat16);
const bfout = dt.empty([n], { dtype: bfloat16 });

// Hand-written float32 add on raw typed arrays: the floor any JS loop can reach.
const ra = new Float32Array(values), rb = new Float32Array(values), rc = new Float32Array(n);
const handF32 = median(() => { for (let i = 0; i < n; i++) rc[i] = ra[i] + rb[i]; });

const rows = [];
const report = (name, ms, ref, refName) => rows.push(`${name.padEnd(40)} ${ms.toFixed(3).padStart(8)} ms  ${ref ? `${(ms / ref).toFixed(2)} x ${refName}` : ''}`);

report('hand-written float32 add loop', handF32);
for (const backends of [['js'], ['wasm', 'js']]) {
  dt.setBackendPreference(backends);
  const f32add = median(() => dt.add(f32, f32b, { out: f32out }));
  const bfadd = median(() => dt.add(bf, bfb, { out: bfout }));
  const tag = backends.join('>');
  report(`dt.add float32 [${tag}]`, f32add, handF32, 'hand f32');
  report(`dt.add bfloat16 [${tag}]`, bfadd, f32add, `dt.add float32 [${tag}]`);
}
dt.setBackendPreference(['wasm', 'js']);
const cast = median(() => f32.astype(bfloat16));
const castInto = median(() => dt.castInto(dt.defaultRegistry(), f32, bfout));

let numpyMs;
try {
  const py = `import numpy as np, timeit
a = (np.random.rand(${n}).astype(np.float32) - 0.5)
t = sorted(timeit.repeat(lambda: a.astype(np.float16), number=1, repeat=${runs}))
print(t[len(t)//2] * 1e3)`;
  numpyMs = Number(execFileSync('python3', ['-c', py], { encoding: 'utf8' }).trim());
} catch {
  numpyMs = undefined;
}
report('float32 -> bfloat16 astype (allocates)', cast, numpyMs, 'numpy astype(float16)');
report('float32 -> bfloat16 castInto (no alloc)', castInto, numpyMs, 'numpy astype(float16)');
if (numpyMs !== undefined) report('numpy astype(float16) (same run)', numpyMs);
console.log(`medians of ${runs} runs, n = ${n}`);
for (const r of rows) console.log(r);
