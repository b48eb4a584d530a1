/**
 * @dtkit/core — the kernel's first half: DType families and descriptors, storage, casting,
 * promotion, the NDArray container, strided iteration, backends and the registry.
 * @packageDocumentation
 */
import { setArrayHooks, type NDArray } from './array/ndarray.js';
import { castArray } from './casting/cast.js';
import { formatArray } from './array/format.js';
import { toBytes } from './array/create.js';
import { astype } from './casting/astype.js';

setArrayHooks({
  astype,
  copy: (a: NDArray) => castArray(a.registry, a, a.dtype, 'no'),
  format: formatArray,
  toBytes,
});

export * from './errors.js';
export { DType, DTypeFamily, defineDType, isDType, isDTypeFamily } from './dtype/dtype.js';
export type { DTypeKind, DTypeSpec, DTypeConstants, DTypeResolver } from './dtype/dtype.js';
export type { StridedLoop, PlaneLoop, LoopContext, ArgReduceLoop } from './dtype/loop.js';
export { parseSpec, type ParsedSpec } from './dtype/spec-parser.js';
export { WeakBool, WeakInt, WeakFloat, WeakComplex, isWeakFamily, weakFamilyOf, kindRank, isComplexValue, type ComplexValue } from './dtype/weak.js';
export { commonFamily, commonFamilyOf, commonDescriptor, discoverScalar } from './dtype/promotion.js';
export { f16BitsToNumber, numberToF16Bits } from './numeric/float16.js';
export * from './numeric/minifloat.js';
export * from './storage/types.js';
export { TYPED_ARRAY_CTORS, type TypedArray, type TypedArrayKind, type TypedArrayConstructorLike } from './storage/typed.js';
export {
  allocateStore, allocateTyped, setTypedAllocator, getTypedAllocator, releaseTyped, loopDataOf, type TypedAllocator, type TypedReleaser,
} from './storage/allocate.js';
export { tidy, keep, dispose } from './lifetime/tidy.js';
export { NDArray, isNDArray } from './array/ndarray.js';
export type { SliceSpec } from './array/slicing.js';
export { broadcastShapes, broadcastStrides, contiguousStrides, keepOrderStrides, normalizeAxis, sizeOf, sameShape, type Shape } from './array/shape.js';
export { fromValues, type CreateOptions } from './array/create.js';
export { formatArray } from './array/format.js';
export { coalesce, runStrided, type IterSpace } from './iter/strided.js';
export { CASTING_LEVELS, castingRank, maxCasting, isCasting, type Casting } from './casting/levels.js';
export { ownOptions, checkCastOptionValues, describeValue, NO_OPTIONS, STANDARD_CAST_OPTIONS, type OwnOptions } from './casting/options.js';
export { castLevel, castInto, castArray, planCast } from './casting/cast.js';
export { copyLanes as copyLoop } from './casting/copy.js';
export { Registry, type BackendInfo, type CastEntry, type ArgLoopEntry } from './registry/registry.js';
export { defaultRegistry, createRegistry } from './registry/default.js';
export type * from './registry/types.js';
export * from './api.js';
