#!/usr/bin/env node
// Generates dtypes/src/casts/generated/casts.generated.ts: one strided cast loop per ordered pair
// of bool, int8..uint64, float16, float32, float64 (float16 <-> float32/float64 excepted: the bulk
// codecs in core do those), each its own function literal with the conversion written inline. V8 keeps type feedback per function literal: one loop shared by all
// pairs goes megamorphic (a 1e6 float32 -> float64 cast took ~30 ms instead of ~1 ms).
//
// Semantics are those of the wasm kernels (dtypes/wasm/cast.ts) and ../src/casts/convert.ts:
// float -> integer truncates toward zero, saturates to int64 (NaN -> 0), then wraps; uint64
// targets take negatives through int64 and saturate the rest at 2^64 - 1; int64 -> float32
// rounds once. 64-bit operands are handled as (lo, hi) 32-bit words on an Int32Array alias,
// which avoids a BigInt per element.
//
// Run: node dtypes/scripts/gen-casts.mjs   (deterministic: same input, byte-identical output)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'casts', 'generated');

/** dtype → storage and class (order: NumPy's type order). */
const DTYPES = {
  bool: { array: 'Uint8Array', cls: 'bool' },
  int8: { array: 'Int8Array', cls: 'int' },
  uint8: { array: 'Uint8Array', cls: 'uint' },
  int16: { array: 'Int16Array', cls: 'int' },
  uint16: { array: 'Uint16Array', cls: 'uint' },
  int32: { array: 'Int32Array', cls: 'int' },
  uint32: { array: 'Uint32Array', cls: 'uint' },
  int64: { array: 'BigInt64Array', cls: 'int64' },
  uint64: { array: 'BigUint64Array', cls: 'uint64' },
  float16: { array: 'Uint16Array', cls: 'half' },
  float32: { array: 'Float32Array', cls: 'float' },
  float64: { array: 'Float64Array', cls: 'float' },
};
const NAMES = Object.keys(DTYPES);
const is64 = (dt) => DTYPES[dt].cls === 'int64' || DTYPES[dt].cls === 'uint64';
/** Pairs left to core's bulk float16 codecs. */
const SKIP = new Set(['float16>float32', 'float16>float64', 'float32>float16', 'float64>float16']);

const TWO_63 = '9223372036854775808';
const TWO_64 = '18446744073709551616';
const TWO_32 = '4294967296';

/** Helpers imported from ../convert.js (not hot: the int64 -> float32 path beyond 2^53). */
const IMPORTS = { int64WordsToFloat32: '../convert.js', uint64WordsToFloat32: '../convert.js', float64ToFloat16: '@dtkit/core', float16DecodeTable: '@dtkit/core' };

/**
 * The per-element statement: reads the source element at index expression `x` and writes the
 * destination element at `o`. Plain sources bind `a`; 64-bit sources bind `lo`/`hi` (int32 words).
 */
function body(from, to, x, o) {
  const wx = (w) => `2 * ${x.includes(' ') ? `(${x})` : x} + ${w}`;
  const wo = (w) => `2 * ${o.includes(' ') ? `(${o})` : o} + ${w}`;
  // float16 sources read the value of their bits from core's decode table (exact in float32).
  const f = DTYPES[from].cls === 'half' ? 'float' : DTYPES[from].cls, t = DTYPES[to].cls;
  if (is64(from) && is64(to)) return `dw[${wo('LO')}] = sw[${wx('LO')}]!; dw[${wo('HI')}] = sw[${wx('HI')}]!;`;
  if (is64(from)) {
    const read = `const lo = sw[${wx('LO')}]!, hi = sw[${wx('HI')}]!;`;
    let e;
    const unsignedHi = f === 'uint64' ? '(hi >>> 0)' : 'hi';
    if (t === 'bool') e = '(lo | hi) !== 0 ? 1 : 0';
    // Beyond 2^53 is far outside float16's range, so rounding to double first changes nothing.
    else if (t === 'int' || t === 'uint') e = 'lo'; // the store wraps the low word to the width
    else if (to === 'float64') e = `${unsignedHi} * ${TWO_32} + (lo >>> 0)`; // one rounding: hi * 2^32 is exact
    else if (f === 'int64') e = `hi >= -0x200000 && hi < 0x200000 ? hi * ${TWO_32} + (lo >>> 0) : int64WordsToFloat32(hi, lo)`;
    else e = `hi >>> 0 < 0x200000 ? (hi >>> 0) * ${TWO_32} + (lo >>> 0) : uint64WordsToFloat32(hi >>> 0, lo >>> 0)`;
    return `${read} dst[${o}] = ${e};`;
  }
  const read = DTYPES[from].cls === 'half' ? `const a = f16[src[${x}]!]!;` : `const a = src[${x}]!;`;
  if (is64(to)) {
    const store = (lo, hi) => `dw[${wo('LO')}] = ${lo}; dw[${wo('HI')}] = ${hi};`;
    if (f === 'bool' || f === 'uint') return `${read} ${store('a', '0')}`;
    if (f === 'int') return `${read} ${store('a', 'a < 0 ? -1 : 0')}`;
    // Float: saturate, else split the truncated value into words (exact: |t| < 2^64); NaN stores 0.
    const top = t === 'uint64'
      ? `if (a >= ${TWO_64}) { ${store('-1', '-1')} }`
      : `if (a >= ${TWO_63}) { ${store('-1', '0x7fffffff')} }`;
    return `${read} ${top} else if (a <= -${TWO_63}) { ${store('0', '-0x80000000')} } else { const t = Math.trunc(a), h = Math.floor(t / ${TWO_32}); ${store(`t - h * ${TWO_32}`, 'h')} }`;
  }
  let e;
  if (t === 'bool') e = 'a !== 0 ? 1 : 0';
  // Typed stores truncate, wrap and send NaN/±inf to 0; only the int64 saturation differs:
  // int64 max has all low bits set (-1), int64 min none (0).
  else if (f === 'float' && t !== 'float') e = `a >= ${TWO_63} ? -1 : a <= -${TWO_63} ? 0 : a`;
  else e = 'a'; // int wrap, exact int -> float64, one rounding to float32
  return `${read} dst[${o}] = ${e};`;
}

/**
 * Integer -> float16: integers are exact in float64 (int64 beyond 2^53 is far outside float16's
 * range, so its rounding to double changes nothing); they are staged in float64 chunks and core's
 * bulk codec rounds them once (~25x faster than a scalar encoder call per element).
 */
function emitToHalfLoop(name, from) {
  const value = is64(from)
    ? `${DTYPES[from].cls === 'uint64' ? '(sw[2 * is + HI]! >>> 0)' : 'sw[2 * is + HI]!'} * ${TWO_32} + (sw[2 * is + LO]! >>> 0)`
    : 'src[is]!';
  return [
    `export const ${name}: StridedLoop = (n, data, offsets, strides) => {`,
    `  const src = data[0] as ${DTYPES[from].array}, dst = data[1] as Uint16Array;`,
    ...(is64(from) ? ['  const sw = new Int32Array(src.buffer, src.byteOffset, 2 * src.length);'] : []),
    '  let is = offsets[0]!, io = offsets[1]!;',
    '  const ss = strides[0]!, so = strides[1]!;',
    '  for (let done = 0; done < n; done += STAGE) {',
    '    const m = n - done < STAGE ? n - done : STAGE;',
    `    for (let k = 0; k < m; k++, is += ss) stage[k] = ${value};`,
    '    float64ToFloat16(m, stage, 0, 1, dst, io, so);',
    '    io += m * so;',
    '  }',
    '};',
  ].join('\n');
}

function emitLoop(name, from, to) {
  if (to === 'float16') return emitToHalfLoop(name, from);
  const lines = [];
  lines.push(`export const ${name}: StridedLoop = (n, data, offsets, strides) => {`);
  lines.push(`  const src = data[0] as ${DTYPES[from].array}, dst = data[1] as ${DTYPES[to].array};`);
  if (DTYPES[from].cls === 'half') lines.push('  const f16 = float16DecodeTable();');
  if (is64(from)) lines.push('  const sw = new Int32Array(src.buffer, src.byteOffset, 2 * src.length);');
  if (is64(to)) lines.push('  const dw = new Int32Array(dst.buffer, dst.byteOffset, 2 * dst.length);');
  lines.push('  let is = offsets[0]!, io = offsets[1]!;');
  lines.push('  const ss = strides[0]!, so = strides[1]!;');
  // Whole arrays get the exact shape of a hand-written loop (V8 drops the offset arithmetic).
  lines.push('  if (ss === 1 && so === 1 && is === 0 && io === 0) {');
  lines.push(`    for (let i = 0; i < n; i++) { ${body(from, to, 'i', 'i')} }`);
  lines.push('    return;');
  lines.push('  }');
  lines.push('  if (ss === 1 && so === 1) {');
  lines.push(`    for (let i = 0; i < n; i++) { ${body(from, to, 'is + i', 'io + i')} }`);
  lines.push('    return;');
  lines.push('  }');
  lines.push(`  for (let i = 0; i < n; i++, is += ss, io += so) { ${body(from, to, 'is', 'io')} }`);
  lines.push('};');
  return lines.join('\n');
}

const HEADER = '// GENERATED by dtypes/scripts/gen-casts.mjs — do not edit; edit the generator and rerun it.';

const loops = [];
const table = [];
for (const from of NAMES) {
  for (const to of NAMES) {
    if (from === to || SKIP.has(`${from}>${to}`)) continue;
    const name = `cast_${from}_${to}`;
    loops.push(emitLoop(name, from, to));
    table.push([`${from}>${to}`, name]);
  }
}
const imports = new Map();
for (const [h, module] of Object.entries(IMPORTS)) {
  if (loops.some((l) => l.includes(`${h}(`))) imports.set(module, [...(imports.get(module) ?? []), h]);
}
const src = [
  HEADER,
  `/** Generated cast loops between bool, int8..uint64, float16, float32, float64 (${table.length}); semantics in ../convert.ts. */`,
  `import { ${[...(imports.get('@dtkit/core') ?? []), 'type StridedLoop'].join(', ')} } from '@dtkit/core';`,
  `import { ${imports.get('../convert.js').join(', ')} } from '../convert.js';`,
  '',
  '/** Indices of the low / high int32 word of a 64-bit element (platform endianness). */',
  'const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;',
  'const HI = 1 - LO;',
  '/** Staging buffer of the integer -> float16 loops. */',
  'const STAGE = 512;',
  'const stage = new Float64Array(STAGE);',
  '',
  ...loops.flatMap((l) => [l, '']),
  "/** `'from>to'` → loop. */",
  'export const generatedCasts: Readonly<Record<string, StridedLoop>> = {',
  ...table.map(([k, v]) => `  '${k}': ${v},`),
  '};',
  '',
].join('\n');
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'casts.generated.ts'), src);
console.log(`wrote ${table.length} cast loops to ${join(OUT_DIR, 'casts.generated.ts')}`);
