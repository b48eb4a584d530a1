/**
 * The `masked[T]` DType family: T's store plus an Arrow validity bitmap, for any registered T.
 * Storage is composite `{ values: T, valid: bitmap }`, both indexed by the element index, so
 * views (slices, transposes) need no copy. Values under NA are zero in arrays built from JS
 * values and casts; ufunc results leave them as computed (Arrow allows any value there) and
 * mark the store {@link DIRTY}.
 */
import {
  defineDType, DTypeError, type BitmapStore, type CompositeStore, type DType, type DTypeFamily,
  type Registry, type Store,
} from '@dtkit/core';
import { BUILTIN_FAMILIES } from '@dtkit/dtypes';
import { promoteTypes } from '@dtkit/core';
import { getBit, wordsOf, zeroMasked, type TypedArrayLike } from './bitmap.js';

export const valuesOf = (s: Store): Store => (s as CompositeStore).parts['values']!;
export const bitsOf = (s: Store): Uint8Array => ((s as CompositeStore).parts['valid'] as BitmapStore).bits;

/**
 * Marker in a masked store's `content`: a ufunc wrote results there without clearing the values
 * under NA (they hold whatever T's loop computed on those lanes; never observable). Code that
 * reads values under NA as zero (the sum fast path) clears them first: {@link zeroUnderNA}.
 */
export const DIRTY = Symbol('masked values under NA not zeroed');

/** Zeroes the values under NA of a whole masked store when a ufunc left them dirty. */
export function zeroUnderNA(store: Store): void {
  const s = store as CompositeStore;
  if (s.content !== DIRTY) return;
  const values = valuesOf(s);
  const bitmap = (s.parts['valid'] as BitmapStore);
  if (values.kind === 'typed') zeroMasked(wordsOf(bitmap.bits), bitmap.length, values.data as unknown as TypedArrayLike, 0, 1, values.lanes);
  s.content = undefined;
}

/** The wrapped descriptor of a masked descriptor. */
export function baseOf(d: DType): DType {
  return d.params['base'] as DType;
}

/** Zeroes element k's value lanes (typed T); other storages keep whatever setItem left. */
function zeroValue(store: Store, k: number): void {
  if (store.kind !== 'typed') return;
  const data = store.data as unknown as { [i: number]: number | bigint };
  const zero = typeof store.data[0] === 'bigint' ? 0n : 0;
  for (let l = 0; l < store.lanes; l++) data[k * store.lanes + l] = zero;
}

export const maskedFamily: DTypeFamily = defineDType({
  name: 'masked',
  kind: 'other',
  parametric: true,
  storage: (d) => ({ kind: 'composite', parts: { values: baseOf(d), valid: { kind: 'bitmap' } } }),
  getItem(d, store, k) {
    if (!getBit(bitsOf(store), k)) return null;
    const base = baseOf(d);
    return base.family.spec.getItem(base, valuesOf(store), k);
  },
  setItem(d, store, k, value) {
    const bits = bitsOf(store);
    if (value === null) {
      zeroValue(valuesOf(store), k);
      bits[k >> 3] = bits[k >> 3]! & ~(1 << (k & 7));
      return;
    }
    const base = baseOf(d);
    base.family.spec.setItem(base, valuesOf(store), k, value); // validates before the bit changes
    bits[k >> 3] = bits[k >> 3]! | (1 << (k & 7));
  },
  // JS null alone: masked[bool], the bottom of the numeric promotion lattice (Arrow's null type
  // has no dtkit counterpart), so [true, null] is masked[bool] and [1, null] masked[float64].
  discoverDescriptor: (v) => (v === null ? masked(BUILTIN_FAMILIES.bool.default) : undefined),
  commonDType: () => maskedFamily,
  commonInstance(a, b, reg: Registry) {
    const x = baseOf(a), y = baseOf(b);
    try {
      return masked(promoteTypes(x, y, reg));
    } catch (e) {
      // masked[bool] from a bare null meets a type bool does not promote with (a string, say).
      if (x.name === 'bool') return b;
      if (y.name === 'bool') return a;
      throw e;
    }
  },
  wrapped: baseOf,
  parse(args, resolve) {
    if (args.length !== 1) throw new DTypeError(`masked takes one dtype, got [${args.join(',')}]`, 'DTYPE_SPEC');
    return masked(resolve(args[0]!));
  },
  format(value, d) {
    if (value === null) return '<NA>';
    const base = baseOf(d);
    const f = base.family.spec.format;
    return f ? f(value, base) : typeof value === 'string' ? `'${value}'` : String(value);
  },
});

/** `masked(base)`: the masked descriptor over `base` (a descriptor of any registered family). */
export function masked(base: DType): DType {
  if (base.family === maskedFamily) throw new DTypeError(`masked[${base.name}] would nest masks; ${base.name} is already masked`, 'DTYPE_SPEC');
  if (base.family.abstract) throw new DTypeError(`cannot mask the abstract dtype ${base.name}`, 'DTYPE_SPEC');
  return maskedFamily.instance(`masked[${base.name}]`, { base });
}

export function isMasked(d: DType): boolean {
  return d.family === maskedFamily;
}
