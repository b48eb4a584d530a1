import type { Store, StorageSpec } from '../storage/types.js';
import { DTypeError } from '../errors.js';
import type { Registry } from '../registry/registry.js';

/** The broad category of a DType family; drives weak-scalar rules and `same_kind` casting. */
export type DTypeKind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'other';

/** Numeric constants (`finfo`/`iinfo`) a family may publish. */
export type DTypeConstants = Readonly<Record<string, number | bigint | string | unknown>>;

/** Resolves nested dtype specs while parsing parametric names (`masked[int32]`). */
export type DTypeResolver = (spec: string) => DType;

/**
 * A DType family's slots (NEP 42 "DType class"). Only `name`, `kind`, `storage`, `getItem` and
 * `setItem` are required; every other slot has a documented default.
 */
export interface DTypeSpec {
  /** Family name; for non-parametric families also the descriptor's canonical name. */
  readonly name: string;
  readonly kind: DTypeKind;
  /** Descriptors carry parameters (string width, unit, base dtype). Default false. */
  readonly parametric?: boolean;
  /** Abstract families have no descriptors of their own (e.g. a family used only in promotion). */
  readonly abstract?: boolean;
  /** Memory layout of one element: fixed, or computed per descriptor for parametric families. */
  readonly storage: StorageSpec | ((descr: DType) => StorageSpec);
  /** Reads element `index` of `store` as a JS value. */
  getItem(descr: DType, store: Store, index: number): unknown;
  /** Writes a JS value to element `index`; throws a DTKitError for values it cannot hold. */
  setItem(descr: DType, store: Store, index: number, value: unknown): void;
  /** Descriptor for a JS value when no dtype was given (default: none, family not discovered). */
  discoverDescriptor?(value: unknown): DType | undefined;
  /** Descriptor used when only the family is known (default: the non-parametric singleton). */
  defaultDescriptor?(): DType;
  /** Class-level promotion with another family; `undefined` means "ask the other side". */
  commonDType?(other: DTypeFamily): DTypeFamily | undefined;
  /** Instance-level promotion of two descriptors of this family (default: `a` if equal names). */
  commonInstance?(a: DType, b: DType, registry: Registry): DType;
  /**
   * For wrapper families (masked[T], quantity[T, unit]): the descriptor a descriptor wraps. JS
   * scalars next to a wrapper follow the wrapped dtype's weak-scalar rules (masked[int8] + 1
   * stays int8-based). Default: not a wrapper.
   */
  wrapped?(descr: DType): DType | undefined;
  /** Rounds a JS number to this (float) dtype; lets `toString()` print its shortest digits. */
  roundScalar?(x: number): number;
  /** Formats one element for `toString()` (default: `String(value)`). */
  format?(value: unknown, descr: DType): string;
  /** Builds a descriptor from the bracket arguments of its spec (`str[utf8,16]` → ['utf8','16']). */
  parse?(args: readonly string[], resolve: DTypeResolver): DType;
  /** finfo / iinfo constants. */
  readonly constants?: DTypeConstants;
  /** Whether a JS value is one element (default: arrays are nesting, not elements; list dtypes say yes). */
  isElement?(value: unknown): boolean;
  /** Bytes per element for `toBytes`/`fromBytes` (fixed-size typed storage only). */
  readonly itemsize?: number;
}

const FAMILY_BRAND = Symbol.for('dtkit.dtypeFamily');
const DTYPE_BRAND = Symbol.for('dtkit.dtype');

/** Brand checks instead of `instanceof`, so two loaded copies of the kernel recognise each other's objects. */
export function isDTypeFamily(x: unknown): x is DTypeFamily {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[FAMILY_BRAND] === true;
}

export function isDType(x: unknown): x is DType {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[DTYPE_BRAND] === true;
}

/**
 * Family ids key the dispatch caches, so they must be unique across every loaded copy of the
 * kernel (two copies' families can meet in one registry): the counter lives on `globalThis`.
 */
const FAMILY_ID_KEY = Symbol.for('dtkit.nextFamilyId');

function nextFamilyId(): number {
  const g = globalThis as typeof globalThis & { [FAMILY_ID_KEY]?: number };
  const id = g[FAMILY_ID_KEY] ?? 1;
  g[FAMILY_ID_KEY] = id + 1;
  return id;
}

/** A DType family ("DType class"): holds the slots; descriptors are its instances. */
export class DTypeFamily {
  readonly [FAMILY_BRAND] = true;
  readonly name: string;
  readonly kind: DTypeKind;
  readonly parametric: boolean;
  readonly abstract: boolean;
  readonly spec: DTypeSpec;
  /** Small integer id, unique per process (across kernel copies); used in dispatch cache keys. */
  readonly id: number;
  private readonly instances = new Map<string, DType>();
  private defaultInstance: DType | undefined;

  constructor(spec: DTypeSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.kind = spec.kind;
    this.parametric = spec.parametric ?? false;
    this.abstract = spec.abstract ?? false;
    this.id = nextFamilyId();
  }

  /**
   * The descriptor with this canonical name and parameters, created once and interned, so
   * equal descriptors of a family are the same object.
   */
  instance(name: string, params: Readonly<Record<string, unknown>> = {}): DType {
    let d = this.instances.get(name);
    if (d === undefined) {
      d = new DType(this, name, params);
      this.instances.set(name, d);
    }
    return d;
  }

  /** The family's default descriptor (`defaultDescriptor` slot, or the non-parametric singleton). */
  get default(): DType {
    if (this.defaultInstance === undefined) {
      if (this.spec.defaultDescriptor) this.defaultInstance = this.spec.defaultDescriptor();
      else if (this.parametric || this.abstract) {
        throw new DTypeError(`dtype family '${this.name}' has no default descriptor; give its parameters`);
      } else this.defaultInstance = this.instance(this.name);
    }
    return this.defaultInstance;
  }

  toString(): string {
    return this.name;
  }
}

/** A descriptor ("dtype instance"): a family plus parameters, with a canonical name. */
export class DType {
  readonly [DTYPE_BRAND] = true;
  readonly family: DTypeFamily;
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly kind: DTypeKind;
  private storageCache: StorageSpec | undefined;

  constructor(family: DTypeFamily, name: string, params: Readonly<Record<string, unknown>>) {
    this.family = family;
    this.name = name;
    this.params = params;
    this.kind = family.kind;
  }

  /** The memory layout of one element of this descriptor. */
  get storage(): StorageSpec {
    if (this.storageCache === undefined) {
      const s = this.family.spec.storage;
      this.storageCache = typeof s === 'function' ? s(this) : s;
    }
    return this.storageCache;
  }

  /** Bytes per element for fixed-size typed storage, else undefined. */
  get itemsize(): number | undefined {
    if (this.family.spec.itemsize !== undefined) return this.family.spec.itemsize;
    const s = this.storage;
    if (s.kind !== 'typed') return undefined;
    return BYTES[s.type] * (s.lanes ?? 1);
  }

  toString(): string {
    return this.name;
  }
}

const BYTES = {
  int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4,
  float32: 4, float64: 8, bigint64: 8, biguint64: 8,
} as const;

/** Creates a DType family from its slots. Register it with `registry.addDType` (in `install`). */
export function defineDType(spec: DTypeSpec): DTypeFamily {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(spec.name)) {
    throw new DTypeError(`invalid dtype family name '${spec.name}'`);
  }
  return new DTypeFamily(spec);
}
