import { runStrided, broadcastStrides, loopDataOf, type NDArray, type StridedLoop } from '@dtkit/core';

/** dst[i] = src[i] where mask[i] (mask: bool data, 0/1 bytes). Copies typed lanes directly. */
const maskedLaneCopy: StridedLoop = (n, data, offs, strides, ctx) => {
  const mask = data[0] as Uint8Array;
  const src = data[1] as Float64Array;
  const dst = data[2] as Float64Array;
  const st = ctx.descriptors[1]!.storage;
  const lanes = st.kind === 'typed' ? st.lanes ?? 1 : 1;
  for (let i = 0; i < n; i++) {
    if (mask[offs[0]! + i * strides[0]!] === 0) continue;
    const s = (offs[1]! + i * strides[1]!) * lanes;
    const d = (offs[2]! + i * strides[2]!) * lanes;
    for (let l = 0; l < lanes; l++) dst[d + l] = src[s + l]!;
  }
};

/** Copies `src` into `dst` (same dtype, same shape) where the broadcast bool `mask` is true. */
export function maskedCopy(mask: NDArray, src: NDArray, dst: NDArray): void {
  const shape = dst.shape;
  const strides = [broadcastStrides(shape, mask.shape, mask.strides), src.strides.slice(), dst.strides.slice()];
  const offsets = [mask.offset, src.offset, dst.offset];
  if (dst.store.kind === 'typed') {
    runStrided(maskedLaneCopy, [loopDataOf(mask.store), loopDataOf(src.store), loopDataOf(dst.store)], shape, strides, offsets,
      { descriptors: [mask.dtype, src.dtype, dst.dtype], options: {}, auxdata: undefined });
    return;
  }
  const get = src.dtype.family.spec.getItem;
  const set = dst.dtype.family.spec.setItem;
  const itemLoop: StridedLoop = (n, data, offs, st) => {
    const m = data[0] as Uint8Array;
    for (let i = 0; i < n; i++) {
      if (m[offs[0]! + i * st[0]!] === 0) continue;
      set(dst.dtype, dst.store, offs[2]! + i * st[2]!, get(src.dtype, src.store, offs[1]! + i * st[1]!));
    }
  };
  runStrided(itemLoop, [loopDataOf(mask.store), loopDataOf(src.store), loopDataOf(dst.store)], shape, strides, offsets,
    { descriptors: [mask.dtype, src.dtype, dst.dtype], options: {}, auxdata: undefined });
}
