// The 'wasm' and 'js' backends give bit-identical results for every loop the wasm backend has
// (same arrays, same calls; only the backend preference differs).
import { afterAll, describe, expect, it } from 'vitest';
import * as dt from 'dtkit';
import { loadWasm } from '../../dtypes/src/wasm-backend.js';

const wasm = loadWasm();

// Node 20 has WebAssembly SIMD and shared memory: the backend must be there (never skip silently).
it('the wasm backend is available here', () => expect(wasm).not.toBeNull());
const N = 5003; // > 4 KiB for every dtype, so arrays live in wasm memory; odd, to hit SIMD tails

function edgeValues(name: string): (number | bigint)[] {
  switch (name) {
    case 'float64': case 'float32':
      return [0, -0, 1, -1, 0.5, NaN, -NaN, Infinity, -Infinity, 1e-310, 3.4e38, 1e300, -2.5, 7, 1 / 3];
    case 'int64': return [0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n, 12345678901n];
    case 'uint64': return [0n, 1n, 18446744073709551615n, 9223372036854775808n, 42n];
    default: {
      const info = dt.iinfo(name) as { min: bigint; max: bigint };
      return [0, 1, -1, 2, 7, Number(info.min), Number(info.max), Number(info.max) - 1].filter((v) => v >= Number(info.min) && v <= Number(info.max));
    }
  }
}

let seed = 12345;
function rand(): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
}

function sample(name: string): dt.NDArray {
  const edges = edgeValues(name);
  const values: unknown[] = [];
  for (let i = 0; i < N; i++) {
    if (i % 3 === 0) values.push(edges[i % edges.length]);
    else if (name.startsWith('float')) values.push((rand() - 0.5) * 200);
    else if (name === 'int64' || name === 'uint64') values.push(BigInt(Math.floor(rand() * 1e6)) * (name === 'int64' && rand() < 0.5 ? -1n : 1n));
    else values.push(edges[Math.floor(rand() * edges.length)]);
  }
  return dt.array(values, { dtype: name });
}

function run<T>(backends: string[], f: () => T): T {
  dt.setBackendPreference(backends);
  try {
    return f();
  } finally {
    dt.setBackendPreference(['webgpu', 'wasm', 'js']);
  }
}

afterAll(() => dt.setBackendPreference(['webgpu', 'wasm', 'js']));

describe('wasm and js backends agree bit for bit', () => {
  const loops = wasm?.loops ?? [];
  it('covers the hot loops', () => {
    expect(loops.length).toBeGreaterThan(100);
  });
  it.each(loops.map((l) => [`${l.ufunc}(${l.dtypes.join(',')})`, l.ufunc, l.dtypes]))('%s', (_label, ufunc, dtypes) => {
    const uf = dt.ufuncs[ufunc as string]!;
    const ins = (dtypes as string[]).slice(0, uf.nin).map((d, k) => {
      const a = sample(d);
      return k === 1 ? a.slice('::-1').copy() : a;
    });
    const viaJs = run(['js'], () => uf(...ins));
    const viaWasm = run(['wasm', 'js'], () => uf(...ins));
    expect(Buffer.from(viaWasm.toBytes()).equals(Buffer.from(viaJs.toBytes()))).toBe(true);
    // strided: every other element, reversed
    const sIns = ins.map((a) => a.slice('::-2'));
    const sJs = run(['js'], () => uf(...sIns));
    const sWasm = run(['wasm', 'js'], () => uf(...sIns));
    expect(Buffer.from(sWasm.toBytes()).equals(Buffer.from(sJs.toBytes()))).toBe(true);
    // one strided input, the other contiguous (the gather path), in both positions
    if (ins.length === 2) {
      const strided = ins[0]!.slice('::-2');
      const contiguous = ins[1]!.slice(`0:${strided.shape[0]}`).copy();
      for (const pair of [[strided, contiguous], [contiguous, strided]]) {
        const gJs = run(['js'], () => uf(...pair));
        const gWasm = run(['wasm', 'js'], () => uf(...pair));
        expect(Buffer.from(gWasm.toBytes()).equals(Buffer.from(gJs.toBytes()))).toBe(true);
      }
    }
  });
});

describe('reductions: wasm and js agree', () => {
  const floats = ['float64', 'float32'];
  it.each(floats)('sum of %s is bit-identical (both pairwise, NumPy order)', (d) => {
    const a = dt.array(Array.from({ length: 100003 }, () => (rand() - 0.3) * 1e3), { dtype: d });
    const js = run(['js'], () => dt.sum(a).toBytes());
    const ws = run(['wasm', 'js'], () => dt.sum(a).toBytes());
    expect(Buffer.from(ws).equals(Buffer.from(js))).toBe(true);
  });
  it.each(['int32', 'int64', 'uint8', 'float64'])('prod/min/max of %s agree', (d) => {
    const a = sample(d);
    for (const f of [dt.min, dt.max]) {
      const js = run(['js'], () => f(a).toBytes());
      const ws = run(['wasm', 'js'], () => f(a).toBytes());
      if (d === 'float64') {
        // NaN propagates in both; signed-zero ties may differ (documented in src/wasm/README.md).
        expect(Number.isNaN(run(['js'], () => f(a).item() as number))).toBe(Number.isNaN(run(['wasm', 'js'], () => f(a).item() as number)));
      } else {
        expect(Buffer.from(ws).equals(Buffer.from(js))).toBe(true);
      }
    }
  });
});

describe('float16 narrowing casts: wasm kernel equals the JS codec', () => {
  it.each(['float32', 'float64'])('%s → float16 on edge and random values', (d) => {
    const vals: number[] = [NaN, -NaN, Infinity, -Infinity, 0, -0, 65504, 65519.99, 65520, -65520, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 1 + 2 ** -11, 1 + 3 * 2 ** -11];
    for (let i = 0; i < 20000; i++) vals.push((rand() - 0.5) * 2 ** (Math.floor(rand() * 40) - 20));
    const a = dt.array(vals, { dtype: d });
    const viaKernel = a.astype('float16').toBytes();
    // Reference: the JS bulk codec on the stored elements (storing may canonicalise a NaN's sign).
    const reference = new Uint16Array(vals.length);
    const stored = (a.store as dt.TypedStore).data;
    if (d === 'float32') dt.float32ToFloat16(vals.length, stored as Float32Array, 0, 1, reference, 0, 1);
    else dt.float64ToFloat16(vals.length, stored as Float64Array, 0, 1, reference, 0, 1);
    for (let i = 0; i < 20; i++) expect(reference[i]).toBe(dt.numberToF16Bits((a.get(i) as number)) | (Number.isNaN(a.get(i)) ? reference[i]! & 0x8000 : 0));
    const got = new Uint16Array(viaKernel.buffer, viaKernel.byteOffset, vals.length);
    const bad = [...reference.keys()].filter((i) => got[i] !== reference[i]).slice(0, 5).map((i) => `${vals[i]}: ${got[i]!.toString(16)} != ${reference[i]!.toString(16)}`);
    expect(bad).toEqual([]);
  });
});

describe('transposed planes (A.T op B): wasm plane kernels equal the js loops', () => {
  const planeLoops = (wasm?.loops ?? []).filter((l) => l.loop.plane !== undefined);
  it('every binary arithmetic loop on 4- and 8-byte types has a plane', () => {
    // add/subtract/multiply/minimum/maximum × 6 types + divide × 2 floats
    expect(planeLoops.length).toBe(32);
    expect(planeLoops.every((l) => ['float64', 'float32', 'int64', 'uint64', 'int32', 'uint32'].includes(l.dtypes[0]!))).toBe(true);
  });
  // rows×cols: leftover rows (not a multiple of 8 or 4), fewer columns than lanes, wide and tall.
  const shapes: Array<[number, number]> = [[37, 29], [48, 90], [3, 200], [12, 3], [200, 9]];
  it.each(planeLoops.map((l) => [`${l.ufunc}(${l.dtypes.join(',')})`, l.ufunc, l.dtypes[0]!]))('%s', (_label, ufunc, d) => {
    const uf = dt.ufuncs[ufunc as string]!;
    const values = sample(d as string);
    const take = (n: number, from: number) => values.slice(`${from}:${from + n}`).copy();
    for (const [rows, cols] of shapes) {
      const a = take(rows * cols, 0).reshape([cols, rows]).transpose(); // rows × cols, transposed layout
      const b = take(rows * cols, 7).reshape([rows, cols]);
      for (const pair of [[a, b], [b, a]]) {
        const js = run(['js'], () => uf(...pair));
        const ws = run(['wasm', 'js'], () => uf(...pair));
        expect(Buffer.from(ws.toBytes()).equals(Buffer.from(js.toBytes()))).toBe(true);
      }
    }
    // Stacked planes, and a row-strided contiguous operand (every other row of a taller matrix).
    const a3 = take(2 * 40 * 24, 0).reshape([2, 24, 40]).transpose([0, 2, 1]);
    const b3 = take(2 * 80 * 24, 3).reshape([2, 80, 24]).slice(':', '::2');
    const js3 = run(['js'], () => uf(a3, b3));
    const ws3 = run(['wasm', 'js'], () => uf(a3, b3));
    expect(Buffer.from(ws3.toBytes()).equals(Buffer.from(js3.toBytes()))).toBe(true);
  });

  it('the plane handles A.T ⊕ B on wasm memory and declines other layouts and foreign arrays', () => {
    const loop = wasm!.loops.find((l) => l.ufunc === 'subtract' && l.dtypes[0] === 'float64')!.loop;
    const rows = 40, cols = 30;
    const a = wasm!.allocate('float64', rows * cols)! as Float64Array;
    const b = wasm!.allocate('float64', rows * cols)! as Float64Array;
    const o = wasm!.allocate('float64', rows * cols)! as Float64Array;
    for (let i = 0; i < rows * cols; i++) { a[i] = i * 0.5; b[i] = 3 * i; }
    const ctx = { descriptors: [], options: {}, auxdata: undefined };
    // out[r, c] = a.T[r, c] - b[r, c]: a is (cols × rows) C-order.
    expect(loop.plane!(rows, cols, [a, b, o], [0, 0, 0], [1, cols, cols], [rows, 1, 1], ctx)).toBe(true);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(o[r * cols + c]).toBe(a[c * rows + r]! - b[r * cols + c]!);
    // b - a.T (the transposed operand second)
    expect(loop.plane!(rows, cols, [b, a, o], [0, 0, 0], [cols, 1, cols], [1, rows, 1], ctx)).toBe(true);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(o[r * cols + c]).toBe(b[r * cols + c]! - a[c * rows + r]!);
    o.fill(7);
    const declined = (data: Float64Array[], rs: number[], cs: number[]) => loop.plane!(rows, cols, data, [0, 0, 0], rs, cs, ctx);
    expect(declined([a, b, o], [1, cols, 1], [rows, 1, rows])).toBe(false); // transposed output
    expect(declined([a, b, o], [1, 1, cols], [rows, rows, 1])).toBe(false); // both inputs transposed
    expect(declined([new Float64Array(rows * cols), b, o], [1, cols, cols], [rows, 1, 1])).toBe(false); // JS-heap input
    expect(Array.from(new Set(o))).toEqual([7]); // a declined plane wrote nothing
  });
});

describe('same-dtype copies (wasm self-casts) are bit copies in every layout', () => {
  /** The view's elements in C order, read byte by byte from its store (the reference). */
  function referenceBytes(view: dt.NDArray): Uint8Array {
    const data = (view.store as dt.TypedStore).data;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const size = view.dtype.itemsize!;
    const out = new Uint8Array(view.size * size);
    const idx = new Array<number>(view.ndim).fill(0);
    for (let k = 0; k < view.size; k++) {
      let e = view.offset;
      for (let d = 0; d < view.ndim; d++) e += idx[d]! * view.strides[d]!;
      out.set(bytes.subarray(e * size, (e + 1) * size), k * size);
      for (let d = view.ndim - 1; d >= 0; d--) {
        if (++idx[d]! < view.shape[d]!) break;
        idx[d] = 0;
      }
    }
    return out;
  }
  // Random bytes: every bit pattern, NaN payloads and signaling NaNs included.
  function randomArray(dtype: string, shape: number[]): dt.NDArray {
    const size = shape.reduce((a, b) => a * b, 1) * dt.dtype(dtype).itemsize!;
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = Math.floor(rand() * 256);
    return dt.fromBytes(bytes, dtype, shape);
  }
  const dtypes = ['int8', 'int16', 'float16', 'float32', 'int32', 'float64', 'int64', 'complex64', 'complex128'];
  it.each(dtypes)('%s: transposed, strided, reversed, 3-D and contiguous copies', (d) => {
    for (const [rows, cols] of [[37, 29], [64, 96], [9, 300], [3, 5]] as const) {
      const a = randomArray(d, [cols, rows]);
      const views = [a.transpose(), a.slice('::2'), a.slice('::-1', '1::3'), a, a.reshape([cols * rows])];
      for (const v of views) expect(Buffer.from(v.copy().toBytes()).equals(Buffer.from(referenceBytes(v)))).toBe(true);
    }
    const cube = randomArray(d, [4, 30, 20]);
    for (const v of [cube.transpose([0, 2, 1]), cube.transpose([2, 1, 0]), cube.slice(':', '::3')]) {
      expect(Buffer.from(v.copy().toBytes()).equals(Buffer.from(referenceBytes(v)))).toBe(true);
    }
  });
  it('the transposed copy runs the wasm plane for wasm-resident arrays', () => {
    const copy = wasm!.copies.get(8)!;
    const rows = 24, cols = 40;
    const src = wasm!.allocate('float64', rows * cols)! as Float64Array;
    const dst = wasm!.allocate('float64', rows * cols)! as Float64Array;
    for (let i = 0; i < src.length; i++) src[i] = i;
    const ctx = { descriptors: [dt.dtype('float64'), dt.dtype('float64')], options: {}, auxdata: undefined };
    expect(copy.plane!(rows, cols, [src, dst], [0, 0], [1, cols], [rows, 1], ctx)).toBe(true);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(dst[r * cols + c]).toBe(src[c * rows + r]);
  });
});

describe('broadcast scalars from the JS heap (a JS number operand) run the wasm kernels', () => {
  it.each(['float64', 'float32', 'int32', 'int16', 'uint8'])('%s: array ⊕ number, number ⊕ array, transposed array ⊕ number', (d) => {
    const values = sample(d);
    const m = values.slice(`0:${40 * 30}`).copy().reshape([40, 30]);
    const two = d.startsWith('float') ? 2.5 : 3;
    for (const f of [
      () => dt.add(values, two), () => dt.subtract(two, values), () => dt.maximum(m.transpose(), two),
      () => dt.multiply(m.transpose(), two), () => dt.less(values, two),
    ]) {
      const js = run(['js'], f);
      const ws = run(['wasm', 'js'], f);
      expect(Buffer.from(ws.toBytes()).equals(Buffer.from(js.toBytes()))).toBe(true);
    }
  });

  it('the wrapper stages a stride-0 foreign operand and still refuses a strided foreign one', () => {
    const loop = wasm!.loops.find((l) => l.ufunc === 'add' && l.dtypes[0] === 'float64')!.loop;
    const a = wasm!.allocate('float64', 100)! as Float64Array;
    const o = wasm!.allocate('float64', 100)! as Float64Array;
    for (let i = 0; i < 100; i++) a[i] = i;
    const scalar = new Float64Array([0.5]); // JS heap
    const ctx = { descriptors: [], options: {}, auxdata: undefined };
    loop(100, [a, scalar, o], [0, 0, 0], [1, 0, 1], ctx);
    expect(o[99]).toBe(99.5);
    const foreign = Float64Array.from({ length: 100 }, (_, i) => 2 * i); // JS heap, stride 1: JS loop
    loop(100, [a, foreign, o], [0, 0, 0], [1, 1, 1], ctx);
    expect(o[99]).toBe(297);
  });
});
