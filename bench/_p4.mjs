import * as dt from 'dtkit';
import * as m from '@dtkit/masked';
dt.use(m.plugin);
const n = 1e6;
let s = 1; const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
const mk = () => { const v = []; for (let i = 0; i < n; i++) v.push(next() < 0.1 ? null : next()); return v; };
const A = mk(), B = mk();
const ma = dt.array(A, { dtype: 'masked[float64]' }), mb = dt.array(B, { dtype: 'masked[float64]' });
const out = dt.empty([n], { dtype: 'masked[float64]' });
const p = dt.array(A.map((x) => x ?? 0)), q = dt.array(B.map((x) => x ?? 0)), po = dt.empty([n]);
const t = (f, k = 10) => { const s = performance.now(); for (let i = 0; i < k; i++) f(); return (performance.now() - s) / k; };
for (const pref of [['wasm'], ['js']]) {
  dt.setBackendPreference(pref);
  const rs = [];
  for (let r = 0; r < 9; r++) { const x = t(() => dt.add(p, q, { out: po })); const y = t(() => dt.add(ma, mb, { out })); rs.push([y / x, x, y]); }
  rs.sort((a, b) => a[0] - b[0]); console.log(pref[0], 'median ratio', rs[4].map((x) => x.toFixed(2)).join(' '));
}
