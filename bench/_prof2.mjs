import * as dt from 'dtkit';
import * as m from '@dtkit/masked';
dt.use(m.plugin);
const n = 1e6;
const vals = new Float64Array(n).map((_, i) => i * 0.5);
const p = dt.array(vals); const po = dt.empty([n]);
const a = p.astype('masked[float64]'); for (let i = 3; i < n; i += 10) a.set(i, null);
const out = dt.empty([n], { dtype: 'masked[float64]' });
const t = (label, f, k = 100) => { f(); const s = performance.now(); for (let i = 0; i < k; i++) f(); console.log(label, ((performance.now() - s) / k).toFixed(3), 'ms'); };
for (let r = 0; r < 2; r++) {
t('plain add', () => dt.add(p, p, { out: po }));
t('masked add', () => dt.add(a, a, { out }));
//t('plain sum', () => dt.sum(p));
//t('masked sum', () => dt.sum(a));
//t('isNA', () => m.isNA(a));
}
