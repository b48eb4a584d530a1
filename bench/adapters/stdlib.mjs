// @stdlib/math-strided-ops-add: a 1-D strided add with dtype strings. The transposed case
// runs it once per output row with a column stride of `side` on A. No sum or cast here.
import { makeInput, typedArrayClass } from '../lib/data.mjs';

let add = null;

function setup(spec) {
  if (spec.op === 'add') {
    const Ctor = typedArrayClass(spec.dtype);
    const { dtype, n } = spec;
    const a = makeInput(dtype, n, 0);
    const b = makeInput(dtype, n, 1);
    const out = new Ctor(n);
    if (spec.out) return { run: () => add(n, dtype, a, 1, dtype, b, 1, dtype, out, 1) };
    return { run: () => add(n, dtype, a, 1, dtype, b, 1, dtype, new Ctor(n), 1) };
  }
  if (spec.op === 'addTransposed') {
    const { side, n } = spec;
    const a = makeInput('float64', n, 0);
    const b = makeInput('float64', n, 1);
    return {
      run() {
        const out = new Float64Array(n);
        for (let i = 0; i < side; i++) {
          // row i of A.T is column i of A: start at i, stride side.
          add.ndarray(side, 'float64', a, side, i, 'float64', b, 1, i * side, 'float64', out, 1, i * side);
        }
        return out;
      },
    };
  }
  return null;
}

const adapter = {
  name: 'stdlib add',
  reason: '',
  async available() {
    try {
      add = (await import('@stdlib/math-strided-ops-add')).default;
      return typeof add === 'function' && typeof add.ndarray === 'function';
    } catch (error) {
      adapter.reason = `@stdlib/math-strided-ops-add unavailable: ${error.message.split('\n')[0]}`;
      return false;
    }
  },
  setup,
};
export default adapter;
