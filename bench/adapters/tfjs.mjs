// TensorFlow.js core with the plain-JS CPU backend. TF.js has no float64 or float16 dtypes
// (float64 input is stored as float32) and no `out` argument, so those cases are n/a.
import { makeInput } from '../lib/data.mjs';

const SUPPORTED = new Set(['float32', 'int32']);
let tf = null;

function setup(spec) {
  if (!SUPPORTED.has(spec.dtype) || spec.op !== 'add' || spec.out) return null;
  const a = tf.tensor1d(makeInput(spec.dtype, spec.n, 0), spec.dtype);
  const b = tf.tensor1d(makeInput(spec.dtype, spec.n, 1), spec.dtype);
  return {
    run() {
      // The CPU backend computes eagerly; dispose so tensors do not pile up in the engine.
      const result = tf.add(a, b);
      result.dispose();
      return result;
    },
    dispose() {
      a.dispose();
      b.dispose();
    },
  };
}

const adapter = {
  name: 'tfjs-cpu',
  reason: '',
  async available() {
    try {
      tf = await import('@tensorflow/tfjs-core');
      await import('@tensorflow/tfjs-backend-cpu'); // registers the 'cpu' backend
      await tf.setBackend('cpu');
      await tf.ready();
      return tf.getBackend() === 'cpu';
    } catch (error) {
      adapter.reason = `tfjs unavailable: ${error.message.split('\n')[0]}`;
      return false;
    }
  },
  setup,
};
export default adapter;
