// scijs ndarray + ndarray-ops: ops.add(out, a, b) and ops.sum(a) on strided views.
// ndarray has no float16 dtype, so the cast case is n/a.
import { makeInput, typedArrayClass } from '../lib/data.mjs';

let ndarray = null;
let ops = null;

function setup(spec) {
  const wrap = (which) => ndarray(makeInput(spec.dtype, spec.n, which));
  switch (spec.op) {
    case 'add': {
      const Ctor = typedArrayClass(spec.dtype);
      const a = wrap(0);
      const b = wrap(1);
      if (spec.out) {
        const out = ndarray(new Ctor(spec.n));
        return { run: () => ops.add(out, a, b) };
      }
      return { run: () => ops.add(ndarray(new Ctor(spec.n)), a, b) };
    }
    case 'addTransposed': {
      const shape = [spec.side, spec.side];
      const a = ndarray(makeInput('float64', spec.n, 0), shape).transpose(1, 0);
      const b = ndarray(makeInput('float64', spec.n, 1), shape);
      return { run: () => ops.add(ndarray(new Float64Array(spec.n), shape), a, b) };
    }
    case 'copyTransposed': {
      const a = ndarray(makeInput('float64', spec.n, 0), [spec.side, spec.side]).transpose(1, 0);
      return { run: () => ops.assign(ndarray(new Float64Array(spec.n), [spec.side, spec.side]), a) };
    }
    case 'sum': {
      const a = wrap(0);
      return { run: () => ops.sum(a) };
    }
    default:
      return null;
  }
}

const adapter = {
  name: 'ndarray-ops',
  reason: '',
  async available() {
    try {
      ndarray = (await import('ndarray')).default;
      ops = (await import('ndarray-ops')).default;
      return typeof ops.add === 'function';
    } catch (error) {
      adapter.reason = `ndarray-ops unavailable: ${error.message.split('\n')[0]}`;
      return false;
    }
  },
  setup,
};
export default adapter;
