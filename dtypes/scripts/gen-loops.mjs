#!/usr/bin/env node
// Generates dtypes/src/loops/generated/*.generated.ts: one strided loop per number-typed
// signature (bool, int8..uint32, float32, float64), each its own function literal with the
// scalar operation written inline. V8 keeps type feedback per function literal, so a factory
// whose kernel calls `op(a, b)` goes megamorphic once several ufuncs share it; a distinct literal
// per signature does not. The ops below are source-text transcriptions of arith.ts, compare.ts,
// logical.ts, bitwise.ts, minmax.ts, math.ts and classify.ts: keep them in step.
//
// Run: node dtypes/scripts/gen-loops.mjs   (deterministic: same input, byte-identical output)
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'loops', 'generated');

/** dtype → storage and class; the order is NumPy's loop order. */
const DTYPES = {
  bool: { array: 'Uint8Array', cls: 'bool', width: 8 },
  int8: { array: 'Int8Array', cls: 'int', width: 8 },
  uint8: { array: 'Uint8Array', cls: 'uint', width: 8 },
  int16: { array: 'Int16Array', cls: 'int', width: 16 },
  uint16: { array: 'Uint16Array', cls: 'uint', width: 16 },
  int32: { array: 'Int32Array', cls: 'int', width: 32 },
  uint32: { array: 'Uint32Array', cls: 'uint', width: 32 },
  float32: { array: 'Float32Array', cls: 'float', width: 32 },
  float64: { array: 'Float64Array', cls: 'float', width: 64 },
};
const INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'];
const FLOATS = ['float32', 'float64'];
const ALL = ['bool', ...INTS, ...FLOATS];

/**
 * An op: ufunc name, kind (binary T,T->T | unary T->T | compare T,T->bool | predicate T->bool),
 * and `expr(dtype)`: the scalar expression in `a` (and `b`), or null when the dtype has no loop.
 * An expression of exactly 'true' / 'false' (predicates) becomes a fill loop that reads nothing.
 */
const op = (ufunc, kind, expr) => ({ ufunc, kind, expr });
const byClass = (table) => (dt) => table[DTYPES[dt].cls] ?? null;
const intsAndFloats = (intExpr, floatExpr) => byClass({ int: intExpr, uint: intExpr, float: floatExpr });
const floatsOnly = (expr) => byClass({ float: expr });

/** Helpers that are statements, not expressions: plain top-level functions V8 inlines. */
const HELPERS = {
  intRemainder: `function intRemainder(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}`,
  copySignOfZero: `function copySignOfZero(sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -0 : 0;
}`,
  ...Object.fromEntries(
    [['F64', (x) => x], ['F32', (x) => `Math.fround(${x})`]].flatMap(([suffix, round]) => [
      [`floorDivide${suffix}`, `/** NumPy's npy_divmod quotient (see ../floatdiv.ts), rounded to ${suffix === 'F64' ? 'float64' : 'float32'} at every step. */
function floorDivide${suffix}(a: number, b: number): number {
  if (b === 0) return ${round('a / b')};
  const mod = a % b;
  let div = ${round(`${suffix === 'F64' ? '(a - mod)' : round('a - mod')} / b`)};
  if (mod !== 0) {
    if (b < 0 !== mod < 0) div = ${round('div - 1')};
  }
  if (div !== 0) {
    let floorDiv = Math.floor(div);
    if (${round('div - floorDiv')} > 0.5) floorDiv = ${round('floorDiv + 1')};
    return floorDiv;
  }
  return copySignOfZero(a / b);
}`],
      [`remainder${suffix}`, `/** NumPy's npy_divmod remainder (see ../floatdiv.ts). */
function remainder${suffix}(a: number, b: number): number {
  const mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) return b < 0 !== mod < 0 ? ${round('mod + b')} : mod;
  return copySignOfZero(b);
}`],
    ]),
  ),
  frexpMantissa: `const frexpF64 = new Float64Array(1);
const frexpWords = new Int32Array(frexpF64.buffer);
/** C frexp's exponent of the last frexpMantissa argument (0 for 0, ±inf, NaN). */
let frexpExponent = 0;
/** C frexp (little-endian words): x = m · 2^e with 0.5 ≤ |m| < 1; 0, ±inf, NaN give (x, 0). */
function frexpMantissa(x: number): number {
  frexpF64[0] = x;
  let biased = (frexpWords[1]! >>> 20) & 0x7ff;
  if (biased === 0x7ff || x === 0) {
    frexpExponent = 0;
    return x;
  }
  let shift = 0;
  if (biased === 0) { // subnormal: scale into the normal range first (exact)
    frexpF64[0] = x * 18014398509481984; // 2^54
    biased = (frexpWords[1]! >>> 20) & 0x7ff;
    shift = 54;
  }
  frexpExponent = biased - 1022 - shift;
  frexpWords[1] = (frexpWords[1]! & 0x800fffff) | 0x3fe00000; // biased exponent 1022: [0.5, 1)
  return frexpF64[0]!;
}`,
  rint: `/** Round half to even (C rint in the default rounding mode), as ../math.ts. */
function rint(x: number): number {
  const r = Math.round(x); // ties toward +inf
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}`,
};
/** Helper dependencies (emitted before their users). */
const HELPER_DEPS = { floorDivideF64: ['copySignOfZero'], floorDivideF32: ['copySignOfZero'], remainderF64: ['copySignOfZero'], remainderF32: ['copySignOfZero'] };
/** Functions imported from the hand-written modules (they throw / are shared with bigint paths). */
const IMPORTS = {
  intPower: '../power.js', floatPower: '../power.js',
  ldexpF64: '../scalbn.js',
  logaddexp: '../logaddexp.js', logaddexp2: '../logaddexp.js', logaddexpF32: '../logaddexp.js', logaddexp2F32: '../logaddexp.js',
  DEG2RAD_F64: '../logaddexp.js', RAD2DEG_F64: '../logaddexp.js', DEG2RAD_F32: '../logaddexp.js', RAD2DEG_F32: '../logaddexp.js',
  nextafterF64: '../nextafter.js', nextafterF32: '../nextafter.js', spacingF64: '../nextafter.js', spacingF32: '../nextafter.js',
};

const intFloorDivide = 'b === 0 ? 0 : Math.floor(a / b)';
const shiftLeft = (dt) => (DTYPES[dt].cls === 'bool' || DTYPES[dt].cls === 'float' ? null : `b >= 0 && b < ${DTYPES[dt].width} ? a << b : 0`);
const shiftRight = (dt) => {
  const { cls, width } = DTYPES[dt];
  if (cls === 'int') return `b >= 0 && b < ${width} ? a >> b : a < 0 ? -1 : 0`;
  if (cls === 'uint') return `b < ${width} ? a >>> b : 0`;
  return null;
};

const FAMILIES = [
  {
    name: 'arith',
    doc: 'add … square (../arith.ts, ../floatdiv.ts, ../power.ts).',
    ops: [
      op('add', 'binary', byClass({ bool: 'a | b', int: 'a + b', uint: 'a + b', float: 'a + b' })),
      op('subtract', 'binary', intsAndFloats('a - b', 'a - b')),
      op('multiply', 'binary', byClass({ bool: 'a & b', int: 'Math.imul(a, b)', uint: 'Math.imul(a, b)', float: 'a * b' })),
      op('divide', 'binary', floatsOnly('a / b')),
      op('floor_divide', 'binary', (dt) => (dt === 'float64' ? 'floorDivideF64(a, b)' : dt === 'float32' ? 'floorDivideF32(a, b)' : intsAndFloats(intFloorDivide, null)(dt))),
      op('remainder', 'binary', (dt) => (dt === 'float64' ? 'remainderF64(a, b)' : dt === 'float32' ? 'remainderF32(a, b)' : intsAndFloats('intRemainder(a, b)', null)(dt))),
      op('fmod', 'binary', intsAndFloats('b === 0 ? 0 : a % b', 'a % b')),
      op('power', 'binary', (dt) => (dt === 'float64' ? 'floatPower(a, b)' : dt === 'float32' ? 'Math.fround(floatPower(a, b))' : intsAndFloats('intPower(a, b)', null)(dt))),
      op('negative', 'unary', intsAndFloats('-a', '-a')),
      op('positive', 'unary', intsAndFloats('a', 'a')),
      op('absolute', 'unary', byClass({ bool: 'a', int: 'Math.abs(a)', uint: 'Math.abs(a)', float: 'Math.abs(a)' })),
      op('sign', 'unary', intsAndFloats('a > 0 ? 1 : a < 0 ? -1 : 0', 'a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN')),
      op('square', 'unary', intsAndFloats('Math.imul(a, a)', 'a * a')),
    ],
  },
  {
    name: 'compare',
    doc: 'comparisons and logical_* (../compare.ts, ../logical.ts).',
    ops: [
      ...[['equal', '==='], ['not_equal', '!=='], ['less', '<'], ['less_equal', '<='], ['greater', '>'], ['greater_equal', '>=']]
        .map(([ufunc, sym]) => op(ufunc, 'compare', () => `a ${sym} b`)),
      op('logical_and', 'compare', () => 'a !== 0 && b !== 0'),
      op('logical_or', 'compare', () => 'a !== 0 || b !== 0'),
      op('logical_xor', 'compare', () => '(a !== 0) !== (b !== 0)'),
      op('logical_not', 'predicate', () => 'a === 0'),
    ],
  },
  {
    name: 'bitwise',
    doc: 'bitwise ops and shifts (../bitwise.ts); the TypedArray store truncates to the width.',
    ops: [
      op('bitwise_and', 'binary', byClass({ bool: 'a & b', int: 'a & b', uint: 'a & b' })),
      op('bitwise_or', 'binary', byClass({ bool: 'a | b', int: 'a | b', uint: 'a | b' })),
      op('bitwise_xor', 'binary', byClass({ bool: 'a ^ b', int: 'a ^ b', uint: 'a ^ b' })),
      op('invert', 'unary', byClass({ bool: 'a ^ 1', int: '~a', uint: '~a' })),
      op('left_shift', 'binary', shiftLeft),
      op('right_shift', 'binary', shiftRight),
    ],
  },
  {
    name: 'minmax',
    doc: 'maximum / minimum / fmax / fmin (../minmax.ts): floats use the SIMD tie rule (second operand); integers have no NaN.',
    ops: [
      op('maximum', 'binary', (dt) => (DTYPES[dt].cls === 'float' ? 'a > b || a !== a ? a : b' : 'a >= b ? a : b')),
      op('minimum', 'binary', (dt) => (DTYPES[dt].cls === 'float' ? 'a < b || a !== a ? a : b' : 'a <= b ? a : b')),
      op('fmax', 'binary', (dt) => (DTYPES[dt].cls === 'float' ? 'a > b || b !== b ? a : b' : 'a >= b ? a : b')),
      op('fmin', 'binary', (dt) => (DTYPES[dt].cls === 'float' ? 'a < b || b !== b ? a : b' : 'a <= b ? a : b')),
    ],
  },
  {
    name: 'math',
    doc: 'transcendentals, rounding, nextafter / spacing (../math.ts, ../nextafter.ts): float32 is computed in float64 and rounded once by the store.',
    ops: [
      ...[['sqrt', 'Math.sqrt(a)'], ['exp', 'Math.exp(a)'], ['exp2', 'Math.pow(2, a)'], ['expm1', 'Math.expm1(a)'],
        ['log', 'Math.log(a)'], ['log2', 'Math.log2(a)'], ['log10', 'Math.log10(a)'], ['log1p', 'Math.log1p(a)'],
        ['sin', 'Math.sin(a)'], ['cos', 'Math.cos(a)'], ['tan', 'Math.tan(a)'],
        ['arcsin', 'Math.asin(a)'], ['arccos', 'Math.acos(a)'], ['arctan', 'Math.atan(a)'],
        ['sinh', 'Math.sinh(a)'], ['cosh', 'Math.cosh(a)'], ['tanh', 'Math.tanh(a)'],
        ['cbrt', 'Math.cbrt(a)'], ['arcsinh', 'Math.asinh(a)'], ['arccosh', 'Math.acosh(a)'], ['arctanh', 'Math.atanh(a)']]
        .map(([ufunc, e]) => op(ufunc, 'unary', floatsOnly(e))),
      op('arctan2', 'binary', floatsOnly('Math.atan2(a, b)')),
      op('hypot', 'binary', floatsOnly('Math.hypot(a, b)')),
      op('logaddexp', 'binary', (dt) => (dt === 'float64' ? 'logaddexp(a, b)' : dt === 'float32' ? 'logaddexpF32(a, b)' : null)),
      op('logaddexp2', 'binary', (dt) => (dt === 'float64' ? 'logaddexp2(a, b)' : dt === 'float32' ? 'logaddexp2F32(a, b)' : null)),
      // NumPy: x * (NPY_PI / 180) in float64; x * (NPY_PIf / 180.0f) rounded to float32
      ...[['deg2rad', 'DEG2RAD'], ['radians', 'DEG2RAD'], ['rad2deg', 'RAD2DEG'], ['degrees', 'RAD2DEG']].map(([ufunc, c]) =>
        op(ufunc, 'unary', (dt) => (dt === 'float64' ? `a * ${c}_F64` : dt === 'float32' ? `Math.fround(a * ${c}_F32)` : null))),
      // NumPy 2 gives floor/ceil/trunc bool and integer loops that return the input.
      op('floor', 'unary', byClass({ bool: 'a', int: 'a', uint: 'a', float: 'Math.floor(a)' })),
      op('ceil', 'unary', byClass({ bool: 'a', int: 'a', uint: 'a', float: 'Math.ceil(a)' })),
      op('trunc', 'unary', byClass({ bool: 'a', int: 'a', uint: 'a', float: 'Math.trunc(a)' })),
      op('rint', 'unary', floatsOnly('rint(a)')),
      op('nextafter', 'binary', (dt) => (dt === 'float64' ? 'nextafterF64(a, b)' : dt === 'float32' ? 'nextafterF32(a, b)' : null)),
      op('spacing', 'unary', (dt) => (dt === 'float64' ? 'spacingF64(a)' : dt === 'float32' ? 'spacingF32(a)' : null)),
    ],
  },
  {
    name: 'classify',
    doc: 'isnan / isinf / isfinite, and signbit / copysign through an Int32Array view of the sign word (../classify.ts; little-endian).',
    ops: [
      op('isnan', 'predicate', byClass({ bool: 'false', int: 'false', uint: 'false', float: 'a !== a' })),
      op('isinf', 'predicate', byClass({ bool: 'false', int: 'false', uint: 'false', float: 'a === Infinity || a === -Infinity' })),
      op('isfinite', 'predicate', byClass({ bool: 'true', int: 'true', uint: 'true', float: 'a - a === 0' })),
      // `signWord`: operand read as the Int32 word holding the float's sign bit.
      { ...op('signbit', 'predicate', floatsOnly('a < 0')), signWord: [0] },
      { ...op('copysign', 'binary', floatsOnly('b < 0 ? -Math.abs(a) : Math.abs(a)')), signWord: [1] },
    ],
  },
  {
    name: 'multiout',
    doc: 'mixed-dtype and two-output loops: divmod (../arith.ts, ../floatdiv.ts ops, both computed before either store), frexp, ldexp (../ldexp.ts).',
    ops: [
      // `exprs`: one expression per output; every operand is read before the first store, so
      // out=[a, b] aliasing an input element for element is safe.
      { ...op('divmod', 'divmod', (dt) => (dt === 'float64' ? ['floorDivideF64(a, b)', 'remainderF64(a, b)']
        : dt === 'float32' ? ['floorDivideF32(a, b)', 'remainderF32(a, b)']
          : intsAndFloats([intFloorDivide, 'intRemainder(a, b)'], null)(dt))) },
      op('frexp', 'frexp', floatsOnly(['frexpMantissa(a)', 'frexpExponent'])),
      op('ldexp', 'ldexp', (dt) => (dt === 'float64' ? 'ldexpF64(a, b)' : dt === 'float32' ? 'Math.fround(ldexpF64(a, b))' : null)),
    ],
  },
];

const OPERAND = ['a', 'b'];

/** Kinds whose operands have different dtypes or several outputs: the signature, inputs first. */
const MIXED = {
  divmod: { nin: 2, signature: (dt) => [dt, dt, dt, dt] },
  frexp: { nin: 1, signature: (dt) => [dt, dt, 'int32'] },
  ldexp: { nin: 2, signature: (dt) => [dt, 'int32', dt] },
};

/**
 * Source of one loop literal of a MIXED kind; `exprs` has one expression per output. Every
 * operand is read and every result computed before the first store (out may alias an input).
 */
function emitMixedLoop(name, o, dt, exprs) {
  const { nin, signature } = MIXED[o.kind];
  const sig = signature(dt);
  const ins = OPERAND.slice(0, nin);
  const nout = sig.length - nin;
  const idx = [...ins.map((v) => `i${v}`), ...Array.from({ length: nout }, (_, k) => `io${k}`)];
  const str = [...ins.map((v) => `s${v}`), ...Array.from({ length: nout }, (_, k) => `so${k}`)];
  const body = (at) => {
    const reads = ins.map((v, j) => `${v} = ${v}Data[${at(j)}]!`).join(', ');
    const results = exprs.map((e, k) => `r${k} = ${e}`).join(', ');
    const stores = exprs.map((_, k) => `out${k}[${at(nin + k)}] = r${k};`).join(' ');
    return `const ${reads}; const ${results}; ${stores}`;
  };
  const lines = [];
  lines.push(`export const ${name}: StridedLoop = (n, data, offsets, strides) => {`);
  lines.push(`  const ${sig.map((d, j) => `${j < nin ? `${ins[j]}Data` : `out${j - nin}`} = data[${j}] as ${DTYPES[d].array}`).join(', ')};`);
  lines.push(`  let ${idx.map((v, j) => `${v} = offsets[${j}]!`).join(', ')};`);
  lines.push(`  const ${str.map((v, j) => `${v} = strides[${j}]!`).join(', ')};`);
  lines.push(`  if (${str.map((v) => `${v} === 1`).join(' && ')}) {`);
  lines.push(`    for (let i = 0; i < n; i++) { ${body((j) => `${idx[j]} + i`)} }`);
  lines.push(`    return;`);
  lines.push(`  }`);
  lines.push(`  for (let i = 0; i < n; i++, ${idx.map((v, j) => `${v} += ${str[j]}`).join(', ')}) { ${body((j) => idx[j])} }`);
  lines.push(`};`);
  return lines.join('\n');
}

/** Source of one loop literal. */
function emitLoop(name, o, dt, expr) {
  if (MIXED[o.kind]) return emitMixedLoop(name, o, dt, [expr].flat());
  const nin = o.kind === 'binary' || o.kind === 'compare' ? 2 : 1;
  const outArray = o.kind === 'compare' || o.kind === 'predicate' ? 'Uint8Array' : DTYPES[dt].array;
  const toBool = outArray === 'Uint8Array' && (o.kind === 'compare' || o.kind === 'predicate');
  const signWord = o.signWord ?? [];
  const wordsPer = DTYPES[dt].width / 32;
  const ins = OPERAND.slice(0, nin);
  const idx = [...ins.map((v) => `i${v}`), 'io'];
  const str = [...ins.map((v) => `s${v}`), 'so'];
  const lines = [];
  lines.push(`export const ${name}: StridedLoop = (n, data, offsets, strides) => {`);
  const constant = expr === 'true' || expr === 'false';
  const decls = constant ? [] : ins.map((v, j) => `${v}Data = data[${j}] as ${DTYPES[dt].array}`);
  decls.push(`out = data[${nin}] as ${outArray}`);
  lines.push(`  const ${decls.join(', ')};`);
  for (const j of signWord) {
    const v = ins[j];
    lines.push(`  const ${v}Words = new Int32Array(${v}Data.buffer, ${v}Data.byteOffset, ${v}Data.length * ${wordsPer});`);
  }
  const value = constant ? (expr === 'true' ? '1' : '0') : toBool ? `(${expr}) ? 1 : 0` : expr;
  const reads = (at) => ins.filter(() => !constant).map((v, j) => (signWord.includes(j)
    ? `${v} = ${v}Words[${wordsPer === 1 ? at(j) : `${at(j).includes(' ') ? `(${at(j)})` : at(j)} * ${wordsPer} + ${wordsPer - 1}`}]!`
    : `${v} = ${v}Data[${at(j)}]!`));
  const body = (at, outAt) => {
    const r = reads(at);
    return r.length === 0 ? `out[${outAt}] = ${value};` : `const ${r.join(', ')}; out[${outAt}] = ${value};`;
  };
  if (constant) {
    lines.push(`  let io = offsets[${nin}]!;`);
    lines.push(`  const so = strides[${nin}]!;`);
    lines.push(`  if (so === 1) {`);
    lines.push(`    out.fill(${value.trim()}, io, io + n);`);
    lines.push(`    return;`);
    lines.push(`  }`);
    lines.push(`  for (let i = 0; i < n; i++, io += so) out[io] = ${value};`);
    lines.push(`};`);
    return lines.join('\n');
  }
  lines.push(`  let ${idx.map((v, j) => `${v} = offsets[${j}]!`).join(', ')};`);
  lines.push(`  const ${str.map((v, j) => `${v} = strides[${j}]!`).join(', ')};`);
  // Whole arrays (offset 0, stride 1) get the exact shape of a hand-written loop: plain `x[i]`
  // indexing lets V8 drop the offset arithmetic (measured ~1.2× → ~1.05× of a hand loop).
  lines.push(`  if (${str.map((v) => `${v} === 1`).join(' && ')} && ${idx.map((v) => `${v} === 0`).join(' && ')}) {`);
  lines.push(`    for (let i = 0; i < n; i++) { ${body(() => 'i', 'i')} }`);
  lines.push(`    return;`);
  lines.push(`  }`);
  lines.push(`  if (${str.map((v) => `${v} === 1`).join(' && ')}) {`);
  lines.push(`    for (let i = 0; i < n; i++) { ${body((j) => `${idx[j]} + i`, 'io + i')} }`);
  lines.push(`    return;`);
  lines.push(`  }`);
  lines.push(`  for (let i = 0; i < n; i++, ${idx.map((v, j) => `${v} += ${str[j]}`).join(', ')}) { ${body((j) => idx[j], 'io')} }`);
  lines.push(`};`);
  return lines.join('\n');
}

function outDtypes(kind, dt) {
  if (MIXED[kind]) return MIXED[kind].signature(dt);
  if (kind === 'binary') return [dt, dt, dt];
  if (kind === 'unary') return [dt, dt];
  if (kind === 'compare') return [dt, dt, 'bool'];
  return [dt, 'bool'];
}

const HEADER = '// GENERATED by dtypes/scripts/gen-loops.mjs — do not edit; edit the generator and rerun it.';

function emitFamily(family) {
  const loops = [];
  const table = [];
  const used = new Set();
  for (const o of family.ops) {
    for (const dt of ALL) {
      const expr = o.expr(dt);
      if (expr === null) continue;
      const name = `${o.ufunc}_${dt}`;
      loops.push(emitLoop(name, o, dt, expr));
      table.push([`${o.ufunc}:${outDtypes(o.kind, dt).join(',')}`, name]);
      for (const h of [...Object.keys(HELPERS), ...Object.keys(IMPORTS)]) {
        if ([expr].flat().some((e) => new RegExp(`\\b${h}\\b`).test(e))) used.add(h);
      }
    }
  }
  const helperNames = [];
  const addHelper = (h) => {
    for (const d of HELPER_DEPS[h] ?? []) addHelper(d);
    if (!helperNames.includes(h)) helperNames.push(h);
  };
  for (const h of Object.keys(HELPERS)) if (used.has(h)) addHelper(h);
  const imports = new Map();
  for (const h of Object.keys(IMPORTS)) {
    if (used.has(h)) imports.set(IMPORTS[h], [...(imports.get(IMPORTS[h]) ?? []), h]);
  }
  const src = [
    HEADER,
    `/** Generated number-typed loops: ${family.doc} */`,
    `import type { StridedLoop } from '@dtkit/core';`,
    ...[...imports].map(([from, names]) => `import { ${names.join(', ')} } from '${from}';`),
    '',
    ...helperNames.flatMap((h) => [HELPERS[h], '']),
    ...loops.flatMap((l) => [l, '']),
    `/** Signature \`ufunc:in,…,out\` → loop. */`,
    `export const ${family.name}GeneratedLoops: Readonly<Record<string, StridedLoop>> = {`,
    ...table.map(([k, v]) => `  '${k}': ${v},`),
    `};`,
    '',
  ].join('\n');
  return { src, count: table.length };
}

mkdirSync(OUT_DIR, { recursive: true });
for (const f of readdirSync(OUT_DIR)) if (f.endsWith('.generated.ts')) rmSync(join(OUT_DIR, f));
let total = 0;
for (const family of FAMILIES) {
  const { src, count } = emitFamily(family);
  writeFileSync(join(OUT_DIR, `${family.name}.generated.ts`), src);
  total += count;
}
const index = [
  HEADER,
  `/** Every generated loop (${total}), keyed by signature \`ufunc:in,…,out\`. */`,
  `import type { StridedLoop } from '@dtkit/core';`,
  ...FAMILIES.map((f) => `import { ${f.name}GeneratedLoops } from './${f.name}.generated.js';`),
  '',
  `export const generatedLoops: Readonly<Record<string, StridedLoop>> = {`,
  ...FAMILIES.map((f) => `  ...${f.name}GeneratedLoops,`),
  `};`,
  '',
].join('\n');
writeFileSync(join(OUT_DIR, 'index.generated.ts'), index);
console.log(`wrote ${total} loops in ${FAMILIES.length} families to ${OUT_DIR}`);
