// Deterministic float128 inputs as decimal strings, shared by the C program, dtkit and decimal.js.
// Each value has 34 significant decimal digits (decimal.js at precision 34 gets full-length operands,
// as float128 does with 113 bits) and lies in [1, 1001).
const SIGNIFICANT_DIGITS = 34;

/** @param {number} n @param {number} which 0 = a, 1 = b */
export function quadInputStrings(n, which) {
  const values = new Array(n);
  let seed = (which + 1) * 0x9e3779b1;
  for (let i = 0; i < n; i++) {
    const whole = String(((i * 7 + which * 13) % 1000) + 1);
    let fraction = '';
    while (fraction.length < SIGNIFICANT_DIGITS - whole.length) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // LCG: deterministic, same in every column
      fraction += String(seed % 1e9).padStart(9, '0');
    }
    values[i] = `${whole}.${fraction.slice(0, SIGNIFICANT_DIGITS - whole.length - 1)}1`;
  }
  return values;
}

/** XOR of all 64-bit little-endian words of a byte buffer (matches checksum() in native/quad_ops.c). */
export function xorWords(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0n;
  for (let offset = 0; offset + 8 <= bytes.byteLength; offset += 8) sum ^= view.getBigUint64(offset, true);
  return sum;
}
