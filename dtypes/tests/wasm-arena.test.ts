// The shared-memory arena: why shared (growth must not detach views), alignment, zero-filling,
// size classes and free-list reuse (through the same `free` the FinalizationRegistry uses).
import { describe, expect, it } from 'vitest';
import { createArena } from '../src/wasm/arena.js';
import { createWasmLoops } from '../src/wasm/loops.js';
import { CTX } from './wasm-helpers.js';

describe('WebAssembly.Memory growth', () => {
  it('detaches every view of a non-shared memory (the reason the arena is shared)', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const view = new Float64Array(memory.buffer, 0, 4);
    view[0] = 42;
    memory.grow(1);
    expect(view.length).toBe(0);
    expect(view[0]).toBeUndefined();
  });

  it('keeps views of a shared memory valid and aliased after growth', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
    const view = new Float64Array(memory.buffer, 0, 4);
    view[0] = 42;
    const before = memory.buffer;
    memory.grow(2);
    expect(view.length).toBe(4);
    expect(view[0]).toBe(42);
    // Growth hands out a new buffer object over the same bytes.
    expect(memory.buffer).not.toBe(before);
    expect(new Float64Array(memory.buffer, 0, 1)[0]).toBe(42);
    new Float64Array(memory.buffer, 0, 1)[0] = 7;
    expect(view[0]).toBe(7);
  });
});

describe('createArena', () => {
  it('allocates zero-filled, 16-byte aligned views of every kind on the memory', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 64 })!;
    expect(arena).not.toBeNull();
    const kinds = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64', 'bigint64', 'biguint64'] as const;
    for (const kind of kinds) {
      for (const length of [0, 1, 3, 17, 1000]) {
        const view = arena.allocate(kind, length)!;
        expect(view.length).toBe(length);
        expect(view.byteOffset % 16).toBe(0);
        expect(view.byteOffset).toBeGreaterThan(0);
        expect(arena.owns(view)).toBe(true);
        expect(Array.from(view as ArrayLike<number | bigint>).every((v) => v === 0 || v === 0n)).toBe(true);
      }
    }
    expect(arena.owns(new Float64Array(4))).toBe(false);
    // Derived views: subarray on the memory is still owned; slice/map copies are plain arrays.
    const view = arena.allocate('float64', 8) as Float64Array;
    expect(arena.owns(view.subarray(2))).toBe(true);
    expect(arena.owns(view.slice(2))).toBe(false);
    expect(view.map((x) => x).constructor).toBe(Float64Array);
    expect(view instanceof Float64Array).toBe(true);
    // Another arena's views are not this arena's.
    expect(createArena({ initialPages: 1, maximumPages: 4 })!.owns(view)).toBe(false);
  });

  it('grows the memory on demand; earlier views stay valid and owned', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 256 })!;
    const first = arena.allocate('float64', 100) as Float64Array;
    first.fill(3.5);
    const big = arena.allocate('float64', 1_000_000) as Float64Array;
    expect(arena.stats().memoryBytes).toBeGreaterThanOrEqual(8_000_000);
    expect(first.length).toBe(100);
    expect(first[99]).toBe(3.5);
    expect(arena.owns(first)).toBe(true);
    expect(arena.owns(big)).toBe(true);
    // Distinct blocks never overlap.
    expect(big.byteOffset >= first.byteOffset + first.byteLength || big.byteOffset + big.byteLength <= first.byteOffset).toBe(true);
  });

  it('returns null beyond the maximum instead of throwing', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 2 })!;
    expect(arena.allocate('float64', 100_000)).toBeNull();
    expect(arena.allocate('uint8', 1000)).not.toBeNull();
    expect(arena.allocate('float64', -1)).toBeNull();
    expect(arena.allocate('float64', 1.5)).toBeNull();
  });

  it('reuses freed blocks by size class and zero-fills them again', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 64 })!;
    const a = arena.allocate('float64', 10)!; // 80 bytes -> 96-byte class
    const offset = a.byteOffset;
    (a as Float64Array).fill(9);
    const carved = arena.stats().carvedBytes;
    arena.free(a);
    expect(arena.stats()).toMatchObject({ liveBlocks: 0, freeBlocks: 1 });
    const b = arena.allocate('int32', 21)!; // 84 bytes -> same class
    expect(b.byteOffset).toBe(offset);
    expect(Array.from(b as Int32Array).every((v) => v === 0)).toBe(true);
    expect(arena.stats().carvedBytes).toBe(carved);
    // A different class does not take it.
    arena.free(b);
    const c = arena.allocate('float64', 100)!;
    expect(c.byteOffset).not.toBe(offset);
    // Double free is ignored.
    arena.free(b);
    expect(arena.stats().freeBlocks).toBe(1);
  });

  it('bounds size-class slack at one third and starts blocks of 64+ bytes on a cache line', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 1024 })!;
    for (const bytes of [1, 17, 33, 49, 65, 97, 1000, 4097, 100_000, 3_000_001, 20, 64, 16, 200]) {
      const before = arena.stats().carvedBytes;
      const view = arena.allocate('uint8', bytes)!;
      const padding = view.byteOffset - before;
      const block = arena.stats().carvedBytes - view.byteOffset;
      expect(block).toBeGreaterThanOrEqual(bytes);
      expect(block % 16).toBe(0);
      expect(view.byteOffset % (block >= 64 ? 64 : 16)).toBe(0);
      expect(padding).toBe(block >= 64 ? (64 - (before % 64)) % 64 : 0);
      if (bytes > 32) expect(block / bytes).toBeLessThanOrEqual(1.5);
    }
  });
});

describe('createWasmLoops memory routing', () => {
  it('uses the kernel only when every operand is on the wasm memory, else the JS loop', () => {
    const set = createWasmLoops({ initialPages: 1, maximumPages: 64 })!;
    const add = set.loops.find((l) => l.ufunc === 'add' && l.dtypes[0] === 'int32')!.loop;
    const a = set.allocate('int32', 8) as Int32Array;
    const plain = new Int32Array(8);
    const out = set.allocate('int32', 8) as Int32Array;
    a.set([1, 2, 3, 4, 5, 6, 7, 2 ** 31 - 1]);
    plain.set([10, 20, 30, 40, 50, 60, 70, 1]);
    add(8, [a, plain, out], [0, 0, 0], [1, 1, 1], CTX);
    expect(Array.from(out)).toEqual([11, 22, 33, 44, 55, 66, 77, -(2 ** 31)]);
    add(8, [a, a, out], [0, 0, 0], [1, 1, 1], CTX);
    expect(Array.from(out)).toEqual([2, 4, 6, 8, 10, 12, 14, -2]);
    // Offsets are element offsets into the view (pointer = byteOffset + offset * 4).
    add(2, [a, a, out], [6, 5, 1], [1, -1, 3], CTX);
    expect([out[1], out[4]]).toEqual([7 + 6, (2 ** 31 - 1 + 5) | 0]);
  });
});

describe('recycled blocks and zeroing', () => {
  it('zero-fills a recycled block with the wasm kernel unless the caller opts out', async () => {
    const { createWasmLoops } = await import('../src/wasm/index.js');
    const set = createWasmLoops();
    expect(set).not.toBeNull();
    if (set === null) return;
    const first = set.allocate('float64', 4096) as Float64Array;
    first.fill(7);
    set.arena.free(first);
    const again = set.allocate('float64', 4096) as Float64Array;
    expect(again.byteOffset).toBe(first.byteOffset);
    expect(again.every((x) => x === 0)).toBe(true);
    again.fill(9);
    set.arena.free(again);
    const raw = set.allocate('float64', 4096, false) as Float64Array;
    expect(raw.byteOffset).toBe(first.byteOffset);
    expect(raw[0]).toBe(9); // not cleared: the caller overwrites every element
  });
});

describe('exhausted bump region', () => {
  it('serves a small request from a free block of a larger class', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 4 }); // 256 KiB in all
    expect(arena).not.toBeNull();
    if (arena === null) return;
    const big = arena.allocate('float64', 20000)!; // ~160 KiB block
    const fill: unknown[] = [];
    for (let a = arena.allocate('float64', 4000); a !== null; a = arena.allocate('float64', 4000)) fill.push(a);
    expect(arena.allocate('float64', 4000)).toBeNull();
    arena.free(big);
    const small = arena.allocate('float64', 4000)!;
    expect(small).not.toBeNull();
    expect(small.byteOffset).toBe(big.byteOffset);
    arena.free(small);
    expect(arena.allocate('float64', 20000)!.byteOffset).toBe(big.byteOffset); // returned whole
    expect(fill.length).toBeGreaterThan(0);
  });

  it('merges free blocks of another size class to serve a larger request (zero-filled)', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 16 })!; // 1 MiB
    const blocks: Float64Array[] = [];
    for (let a = arena.allocate('float64', 8192); a !== null; a = arena.allocate('float64', 8192)) blocks.push(a as Float64Array);
    expect(blocks.length).toBeGreaterThan(8); // 64 KiB blocks fill the memory
    for (const b of blocks) b.fill(7);
    expect(arena.allocate('float64', 40000)).toBeNull(); // 320 KB: no room, nothing free
    for (const b of blocks.slice(2, 9)) arena.free(b); // 7 adjacent 64 KiB blocks: 448 KiB free
    const big = arena.allocate('float64', 40000)!; // a 384 KiB class: only a merged run fits
    expect(big).not.toBeNull();
    expect(big.byteOffset).toBe(blocks[2]!.byteOffset);
    expect(Array.from(new Set(big as Float64Array))).toEqual([0]); // recycled memory is cleared
    expect(blocks[1]![8191]).toBe(7); // neighbours untouched
    expect(blocks[9]![0]).toBe(7);
    arena.free(big);
  });

  it('never merges across a live small block sitting in an alignment gap', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 2 })!; // 128 KiB
    const a = arena.allocate('uint8', 4000)!; // a 4 KiB-class block, 64-byte aligned
    const tiny = arena.allocate('uint8', 16)!; // right after it, inside the gap before the next line
    const b = arena.allocate('uint8', 4000)!;
    expect(tiny.byteOffset).toBe(a.byteOffset + 4096);
    expect(b.byteOffset).toBeGreaterThan(tiny.byteOffset);
    tiny[0] = 99;
    const rest: unknown[] = [];
    for (let x = arena.allocate('uint8', 4000); x !== null; x = arena.allocate('uint8', 4000)) rest.push(x);
    arena.free(a);
    arena.free(b);
    // 8 KiB would fit only by merging a and b across the live tiny block: must fail.
    expect(arena.allocate('uint8', 7000)).toBeNull();
    expect(tiny[0]).toBe(99);
    // Each free block is still usable on its own.
    expect(arena.allocate('uint8', 4000)).not.toBeNull();
    expect(arena.allocate('uint8', 4000)).not.toBeNull();
    expect(rest.length).toBeGreaterThan(0);
  });

  it('gives a free run at the end back to the bump region', () => {
    const arena = createArena({ initialPages: 1, maximumPages: 8 })!; // 512 KiB
    const keep = arena.allocate('float64', 1000)!;
    const tail: Float64Array[] = [];
    for (let x = arena.allocate('float64', 6000); x !== null; x = arena.allocate('float64', 6000)) tail.push(x as Float64Array);
    for (const x of tail) arena.free(x);
    const top = arena.stats().carvedBytes;
    const whole = arena.allocate('float64', 40000)!; // a 384 KiB class: needs the merged tail
    expect(whole).not.toBeNull();
    expect(arena.stats().carvedBytes).toBeLessThanOrEqual(top);
    expect(keep.length).toBe(1000);
  });
});
