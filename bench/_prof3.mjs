import * as dt from 'dtkit';
import * as m from '@dtkit/masked';
dt.use(m.plugin);
const n = 1e6;
const p = dt.array(new Float64Array(n).map((_, i) => i * 0.5)); const po = dt.empty([n]);
const a = p.astype('masked[float64]'); for (let i = 3; i < n; i += 10) a.set(i, null);
const out = dt.empty([n], { dtype: 'masked[float64]' });
const t = (f, k = 10) => { const s = performance.now(); for (let i = 0; i < k; i++) f(); return (performance.now() - s) / k; };
const rs = [];
for (let r = 0; r < 15; r++) { const x = t(() => dt.add(p, p, { out: po })); const y = t(() => dt.add(a, a, { out })); rs.push(y / x); }
rs.sort((a, b) => a - b); console.log('median ratio', rs[7].toFixed(2), rs.map((x) => x.toFixed(2)).join(' '));
