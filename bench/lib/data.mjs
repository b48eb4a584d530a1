// Deterministic input data, identical in every column (bench/adapters/numpy_worker.py mirrors it).
const TYPED = { float64: Float64Array, float32: Float32Array, int32: Int32Array };

export function typedArrayClass(dtype) {
  const Ctor = TYPED[dtype];
  if (!Ctor) throw new Error(`bench data: unsupported dtype ${dtype}`);
  return Ctor;
}

/**
 * Element i of input number `which` (0 = a, 1 = b): small, finite, no denormals,
 * exactly representable in float16, so casts and adds measure the common path.
 */
export function inputValue(i, which) {
  return ((i * 7 + which * 13) % 1000) * 0.25 + 1;
}

export function makeInput(dtype, n, which) {
  const Ctor = typedArrayClass(dtype);
  const data = new Ctor(n);
  const isInt = dtype.startsWith('int');
  for (let i = 0; i < n; i++) {
    const v = inputValue(i, which);
    data[i] = isInt ? Math.floor(v) : v;
  }
  return data;
}
