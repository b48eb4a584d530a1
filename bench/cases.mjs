// Benchmark cases. A case is plain data; each adapter decides whether it can run it.
//   op 'add'           : out = a + b on contiguous 1-D arrays (spec.out: caller passes `out`)
//   op 'addTransposed' : A.T + B for square C-order matrices (allocating)
//   op 'sum'           : sum of a 1-D array
//   op 'cast'          : a.astype(spec.to) (spec.numpyTo: numpy's peer dtype when it lacks spec.to)
//   op 'copyTransposed': A.T.copy() for a square C-order matrix (a C-order transposed copy)
// spec.only: names of the columns that run the case; the others show n/a without being asked.

const FULL_SIZES = [10, 1e3, 1e6];
const QUICK_SIZES = [10, 1e3, 1e5];

function sizeLabel(n) {
  return n >= 1000 ? `1e${Math.round(Math.log10(n))}` : String(n);
}

function addCases(sizes) {
  const cases = [];
  for (const dtype of ['float64', 'float32', 'int32']) {
    for (const n of sizes) {
      for (const out of [false, true]) {
        const id = `add ${dtype} n=${sizeLabel(n)}${out ? ' out' : ''}`;
        cases.push({ id, op: 'add', dtype, n, out });
      }
    }
  }
  return cases;
}

/** Issue 5: the bfloat16 plugin (numpy has no bfloat16; its float16 cast is the peer). */
function bfloat16Cases(n) {
  const only = ['hand loop', 'dtkit js', 'dtkit wasm'];
  return [
    { id: `cast float32->bfloat16 n=${sizeLabel(n)}`, op: 'cast', dtype: 'float32', to: 'bfloat16', numpyTo: 'float16', n, out: false, only: [...only, 'numpy'] },
    { id: `add bfloat16 n=${sizeLabel(n)} out`, op: 'add', dtype: 'bfloat16', n, out: true, only },
  ];
}

/** @param {{ quick: boolean }} options */
export function benchCases({ quick }) {
  const big = quick ? 1e5 : 1e6;
  const side = quick ? 300 : 1000;
  return [
    ...addCases(quick ? QUICK_SIZES : FULL_SIZES),
    { id: `add A.T+B float64 ${side}x${side}`, op: 'addTransposed', dtype: 'float64', n: side * side, side, out: false },
    { id: `sum float64 n=${sizeLabel(big)}`, op: 'sum', dtype: 'float64', n: big, out: false },
    { id: `cast float32->float16 n=${sizeLabel(big)}`, op: 'cast', dtype: 'float32', to: 'float16', n: big, out: false },
    // Beyond the list: a plain numeric cast and a transposed copy (both were JS loops before).
    { id: `cast float64->float32 n=${sizeLabel(big)}`, op: 'cast', dtype: 'float64', to: 'float32', n: big, out: false },
    { id: `copy A.T float64 ${side}x${side}`, op: 'copyTransposed', dtype: 'float64', n: side * side, side, out: false },
    ...bfloat16Cases(big),
  ];
}
