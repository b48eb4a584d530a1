// Same-dtype copies (AssemblyScript): bit copies by element width, so NaN payloads and any
// bit pattern survive. Pointers are byte addresses, strides count elements.

// Contiguous runs: wasm's memory.copy (a native memmove; TypedArray.set on shared memory is a
// slower relaxed-atomic copy in V8).
@inline export function copyBytes(dst: usize, src: usize, bytes: usize): void {
  memory.copy(dst, src, bytes);
}

@inline export function copyStrided<T>(a: usize, sa: i32, o: usize, so: i32, n: i32): void {
  const stepA = <usize>(sa * <i32>sizeof<T>());
  const stepO = <usize>(so * <i32>sizeof<T>());
  for (let i = 0; i < n; i++) {
    store<T>(o, load<T>(a));
    a += stepA;
    o += stepO;
  }
}

// Transposing copy of a plane: dst[r*rso + c] = src[r + c*cs] (source rows contiguous, target
// columns contiguous). The outer loop walks c so each source line is read once and used whole;
// 8- and 4-byte elements go through 2×2 / 4×4 register transposes, in bands of 8 rows.
@inline function scalarBlock<T>(src: usize, cs: i32, dst: usize, rso: i32, r0: i32, r1: i32, c0: i32, c1: i32): void {
  const size = <i32>sizeof<T>();
  for (let c = c0; c < c1; c++) {
    for (let r = r0; r < r1; r++) store<T>(dst + <usize>((r * rso + c) * size), load<T>(src + <usize>((r + c * cs) * size)));
  }
}

@inline function band64(src: usize, cs: i32, dst: usize, rso: i32, r: i32, cols: i32): void {
  const colStep = <usize>(cs * 8);
  const rowBytes = <usize>(rso * 8);
  let p = src + <usize>(r * 8);
  let q = dst + <usize>(r * rso * 8);
  let c = 0;
  for (; c + 2 <= cols; c += 2) {
    for (let g: usize = 0; g < 4; g++) { // rows r+2g, r+2g+1
      const v0 = v128.load(p + 16 * g);           // column c
      const v1 = v128.load(p + colStep + 16 * g); // column c+1
      v128.store(q + 2 * g * rowBytes, v128.shuffle<i64>(v0, v1, 0, 2));
      v128.store(q + (2 * g + 1) * rowBytes, v128.shuffle<i64>(v0, v1, 1, 3));
    }
    p += 2 * colStep;
    q += 16;
  }
  scalarBlock<u64>(src, cs, dst, rso, r, r + 8, c, cols);
}

@inline function band32(src: usize, cs: i32, dst: usize, rso: i32, r: i32, cols: i32): void {
  const colStep = <usize>(cs * 4);
  const rowBytes = <usize>(rso * 4);
  let p = src + <usize>(r * 4);
  let q = dst + <usize>(r * rso * 4);
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    for (let g: usize = 0; g < 2; g++) { // rows r+4g .. r+4g+3
      const v0 = v128.load(p + 16 * g), v1 = v128.load(p + colStep + 16 * g);
      const v2 = v128.load(p + 2 * colStep + 16 * g), v3 = v128.load(p + 3 * colStep + 16 * g);
      const t0 = v128.shuffle<i32>(v0, v1, 0, 4, 1, 5);
      const t1 = v128.shuffle<i32>(v0, v1, 2, 6, 3, 7);
      const t2 = v128.shuffle<i32>(v2, v3, 0, 4, 1, 5);
      const t3 = v128.shuffle<i32>(v2, v3, 2, 6, 3, 7);
      const row = q + 4 * g * rowBytes;
      v128.store(row, v128.shuffle<i64>(t0, t2, 0, 2));
      v128.store(row + rowBytes, v128.shuffle<i64>(t0, t2, 1, 3));
      v128.store(row + 2 * rowBytes, v128.shuffle<i64>(t1, t3, 0, 2));
      v128.store(row + 3 * rowBytes, v128.shuffle<i64>(t1, t3, 1, 3));
    }
    p += 4 * colStep;
    q += 16;
  }
  scalarBlock<u32>(src, cs, dst, rso, r, r + 8, c, cols);
}

@inline export function transposeCopy<T>(src: usize, cs: i32, dst: usize, rso: i32, rows: i32, cols: i32): void {
  let r = 0;
  if (sizeof<T>() >= 4) {
    for (; r + 8 <= rows; r += 8) {
      if (sizeof<T>() == 8) band64(src, cs, dst, rso, r, cols);
      else band32(src, cs, dst, rso, r, cols);
    }
  } else {
    // 1- and 2-byte elements: column-major blocks of 64 rows × all columns, scalar.
    for (; r + 64 <= rows; r += 64) scalarBlock<T>(src, cs, dst, rso, r, r + 64, 0, cols);
  }
  scalarBlock<T>(src, cs, dst, rso, r, rows, 0, cols);
}
