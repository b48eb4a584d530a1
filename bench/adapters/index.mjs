// Column order of the report. The hand-written loop must stay first: ratios are relative to it.
import handLoop from './hand-loop.mjs';
import dtkitJs from './dtkit-js.mjs';
import dtkitWasm from './dtkit-wasm.mjs';
import dtkitWasmThreads from './dtkit-wasm-threads.mjs';
import numpy from './numpy.mjs';
import tfjs from './tfjs.mjs';
import ndarrayOps from './ndarray.mjs';
import stdlibAdd from './stdlib.mjs';

export const BASELINE = handLoop;
export const ADAPTERS = [handLoop, dtkitJs, dtkitWasm, dtkitWasmThreads, numpy, tfjs, ndarrayOps, stdlibAdd];
