import { isDType, isDTypeFamily, type DType, type DTypeFamily } from '../dtype/dtype.js';
import { parseSpec } from '../dtype/spec-parser.js';
import type { StridedLoop } from '../dtype/loop.js';
import { DTypeError, ValueError } from '../errors.js';
import type {
  ArgLoopSpec, CastSpec, FamilyRef, LoopEntry, LoopSpec, Plugin, Promoter, PromoterEntry,
  UFuncSpec, WrappingLoopEntry, WrappingLoopSpec, WrappingReductionEntry, WrappingReductionSpec,
} from './types.js';

export interface CastEntry extends CastSpec {
  readonly fromFamily: DTypeFamily;
  readonly toFamily: DTypeFamily;
}

export interface ArgLoopEntry extends ArgLoopSpec {
  readonly family: DTypeFamily;
  readonly backendName: string;
}

/** Backends a registry knows; 'js' is always available. */
export interface BackendInfo {
  readonly name: string;
  /** Devices whose arrays this backend's loops can run on. */
  readonly devices: readonly string[];
  available(): boolean;
}

/**
 * Everything registered for one dtkit instance: DType families, casts, ufunc definitions,
 * loops per (ufunc, families, backend), promoters, wrapping loops and installed plugins.
 * Every registration bumps `version`, which invalidates dispatch caches.
 */
export class Registry {
  readonly families = new Map<string, DTypeFamily>();
  readonly ufuncSpecs = new Map<string, UFuncSpec>();
  readonly loops = new Map<string, LoopEntry[]>();
  readonly promoters = new Map<string, PromoterEntry[]>();
  readonly wrappingLoops = new Map<string, WrappingLoopEntry[]>();
  readonly argLoops: ArgLoopEntry[] = [];
  readonly wrappingReductions = new Map<DTypeFamily, WrappingReductionEntry>();
  readonly backends = new Map<string, BackendInfo>();
  /** Dispatch caches of the ufunc layer live here so they die with the registry. */
  readonly caches = new Map<string, Map<string, unknown>>();
  version = 0;
  private readonly casts = new Map<DTypeFamily, Map<DTypeFamily, CastEntry>>();
  /** Wrapping casts: any family -> key (`from: null`), key -> any family (`to: null`). */
  private readonly castsFromAny = new Map<DTypeFamily, CastSpec>();
  private readonly castsToAny = new Map<DTypeFamily, CastSpec>();
  /** Backend loops for casts (and same-family copies): from -> to -> backend -> loop. */
  private readonly castLoops = new Map<DTypeFamily, Map<DTypeFamily, Map<string, StridedLoop>>>();
  private readonly installed = new Map<string, Plugin>();
  private preference: readonly string[] = ['webgpu', 'wasm', 'js'];
  /** Undo steps of the plugin being installed, so a failing `install` leaves no trace. */
  private journal: (() => void)[] | null = null;
  private forbidden = new Set<string>();

  constructor() {
    this.backends.set('js', { name: 'js', devices: ['cpu'], available: () => true });
  }

  private bump(undo?: () => void): void {
    this.version++;
    this.caches.clear();
    if (undo !== undefined && this.journal !== null) this.journal.push(undo);
  }

  // ---- plugins ----------------------------------------------------------------------------

  /** Installs a plugin (and its dependencies) once; a second `use` of the same plugin is a no-op. */
  use(plugin: Plugin): this {
    const prior = this.installed.get(plugin.name);
    if (prior === plugin) return this;
    if (prior !== undefined) throw new DTypeError(`a different plugin named '${plugin.name}' is already installed`, 'PLUGIN_CLASH');
    for (const dep of plugin.dependencies ?? []) this.use(dep);
    this.installed.set(plugin.name, plugin);
    const outer = this.journal;
    const journal: (() => void)[] = [];
    this.journal = journal;
    try {
      plugin.install(this);
    } catch (e) {
      // Roll back everything this install registered, newest first.
      for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
      this.installed.delete(plugin.name);
      this.bump();
      throw e;
    } finally {
      this.journal = outer;
    }
    if (outer !== null) outer.push(...journal, () => this.installed.delete(plugin.name));
    this.bump();
    return this;
  }

  hasPlugin(name: string): boolean {
    return this.installed.has(name);
  }

  // ---- dtypes -----------------------------------------------------------------------------

  /** Registers a family; the same family twice is a no-op, another family of that name a clash. */
  addDType(family: DTypeFamily): DTypeFamily {
    const prior = this.families.get(family.name);
    if (prior === family) return family;
    if (prior !== undefined) throw new DTypeError(`dtype '${family.name}' is already registered by another family`, 'DTYPE_CLASH');
    this.families.set(family.name, family);
    this.bump(() => this.families.delete(family.name));
    return family;
  }

  /** Resolves a family reference (family, descriptor, or registered name). */
  family(ref: FamilyRef): DTypeFamily {
    if (isDTypeFamily(ref)) return ref;
    if (isDType(ref)) return ref.family;
    const f = this.families.get(ref);
    if (f === undefined) throw new DTypeError(`unknown dtype '${ref}'; registered: ${[...this.families.keys()].join(', ')}`, 'DTYPE_UNKNOWN');
    return f;
  }

  /** Parses a spec string (`'float64'`, `'str[utf8,16]'`) or returns a descriptor as is. */
  dtype(spec: string | DType | DTypeFamily): DType {
    if (isDType(spec)) return spec;
    if (isDTypeFamily(spec)) return spec.default;
    if (typeof spec !== 'string') throw new DTypeError(`not a dtype spec: ${String(spec)}`, 'DTYPE_SPEC');
    const { name, args } = parseSpec(spec);
    const fam = this.families.get(name);
    if (fam === undefined) throw new DTypeError(`unknown dtype '${spec}'; registered: ${[...this.families.keys()].join(', ')}`, 'DTYPE_UNKNOWN');
    if (args === null) return fam.default;
    if (!fam.spec.parse) throw new DTypeError(`dtype '${name}' takes no parameters (got '${spec}')`, 'DTYPE_SPEC');
    return fam.spec.parse(args, (s) => this.dtype(s));
  }

  // ---- casts ------------------------------------------------------------------------------

  registerCast(spec: CastSpec): void {
    if (spec.from === null || spec.to === null) {
      this.registerWrappingCast(spec);
      return;
    }
    const fromFamily = this.family(spec.from);
    const toFamily = this.family(spec.to);
    let row = this.casts.get(fromFamily);
    if (row === undefined) this.casts.set(fromFamily, (row = new Map()));
    if (row.has(toFamily)) throw new DTypeError(`a cast ${fromFamily.name} -> ${toFamily.name} is already registered`, 'CAST_CLASH');
    row.set(toFamily, { ...spec, fromFamily, toFamily });
    this.bump(() => row.delete(toFamily));
  }

  private registerWrappingCast(spec: CastSpec): void {
    if (spec.from === null && spec.to === null) throw new ValueError('a cast needs a from or a to family', 'CAST_SPEC');
    const [map, key] = spec.from === null ? [this.castsFromAny, this.family(spec.to!)] : [this.castsToAny, this.family(spec.from)];
    const side = spec.from === null ? 'to' : 'from';
    if (map.has(key)) throw new DTypeError(`a wrapping cast ${side} ${key.name} is already registered`, 'CAST_CLASH');
    map.set(key, spec);
    this.bump(() => map.delete(key));
  }

  /** The cast `from -> to`: the exact pair, else a wrapping cast into `to`, else one out of `from`. */
  getCast(from: DTypeFamily, to: DTypeFamily): CastEntry | undefined {
    const exact = this.casts.get(from)?.get(to);
    if (exact !== undefined) return exact;
    const any = this.castsFromAny.get(to) ?? this.castsToAny.get(from);
    return any === undefined ? undefined : { ...any, fromFamily: from, toFamily: to };
  }

  /**
   * A backend's loop for the cast `from -> to` (`from === to`: the same-family copy), used
   * instead of the cast's own loop while `backend` comes first in the device's backend order.
   * The loop must give the same results as the cast's loop (it may fall back to it for
   * operands it cannot handle, e.g. arrays outside its memory). One loop per backend and pair.
   */
  registerCastLoop(from: FamilyRef, to: FamilyRef, backend: string, loop: StridedLoop): void {
    const fromFamily = this.family(from);
    const toFamily = this.family(to);
    let row = this.castLoops.get(fromFamily);
    if (row === undefined) this.castLoops.set(fromFamily, (row = new Map()));
    let byBackend = row.get(toFamily);
    if (byBackend === undefined) row.set(toFamily, (byBackend = new Map()));
    if (byBackend.has(backend)) throw new DTypeError(`a ${backend} loop for the cast ${fromFamily.name} -> ${toFamily.name} is already registered`, 'CAST_CLASH');
    byBackend.set(backend, loop);
    const loops = byBackend;
    this.bump(() => loops.delete(backend));
  }

  /**
   * The loop for `from -> to` of the first backend in `device`'s order that has one, where the
   * cast's own loop (or the generic copy) counts as the 'js' backend's; undefined means that one.
   */
  castLoopFor(from: DTypeFamily, to: DTypeFamily, device: string): StridedLoop | undefined {
    const byBackend = this.castLoops.get(from)?.get(to);
    if (byBackend === undefined || byBackend.size === 0) return undefined;
    for (const backend of this.backendsFor(device)) {
      const loop = byBackend.get(backend);
      if (loop !== undefined) return loop;
      if (backend === 'js') return undefined;
    }
    return undefined;
  }

  // ---- ufuncs and loops -------------------------------------------------------------------

  /** Adds a ufunc definition; redefining a name with a different arity is a clash. */
  defineUfunc(spec: UFuncSpec): UFuncSpec {
    const prior = this.ufuncSpecs.get(spec.name);
    if (prior !== undefined) {
      if (prior.nin === spec.nin && prior.nout === spec.nout) return prior;
      throw new DTypeError(`ufunc '${spec.name}' is already defined with nin=${prior.nin}, nout=${prior.nout}`, 'UFUNC_CLASH');
    }
    this.ufuncSpecs.set(spec.name, spec);
    this.bump(() => this.ufuncSpecs.delete(spec.name));
    return spec;
  }

  private ufuncSpec(name: string): UFuncSpec {
    const u = this.ufuncSpecs.get(name);
    if (u === undefined) throw new DTypeError(`unknown ufunc '${name}'`, 'UFUNC_UNKNOWN');
    return u;
  }

  registerLoop(ufunc: string | { readonly name: string }, spec: LoopSpec): void {
    const name = typeof ufunc === 'string' ? ufunc : ufunc.name;
    const u = this.ufuncSpec(name);
    if (spec.dtypes.length !== u.nin + u.nout) {
      throw new ValueError(`loop for '${name}' needs ${u.nin + u.nout} dtypes (nin=${u.nin}, nout=${u.nout}), got ${spec.dtypes.length}`);
    }
    if (!spec.loop && !spec.getLoop) throw new ValueError(`loop for '${name}' needs 'loop' or 'getLoop'`);
    const families = spec.dtypes.map((d) => this.family(d));
    const backendName = spec.backend ?? 'js';
    let list = this.loops.get(name);
    if (list === undefined) this.loops.set(name, (list = []));
    const clash = list.find((e) => e.backendName === backendName && sameFamilies(e.families, families));
    if (clash) throw new DTypeError(`ufunc '${name}' already has a ${backendName} loop for (${families.map((f) => f.name).join(', ')})`, 'LOOP_CLASH');
    const entry = { ...spec, families, backendName };
    list.push(entry);
    this.bump(() => removeItem(list, entry));
  }

  registerPromoter(ufunc: string | { readonly name: string }, pattern: readonly (FamilyRef | null)[], promoter: Promoter): void {
    const name = typeof ufunc === 'string' ? ufunc : ufunc.name;
    this.ufuncSpec(name);
    const fams = pattern.map((p) => (p === null ? null : this.family(p)));
    let list = this.promoters.get(name);
    if (list === undefined) this.promoters.set(name, (list = []));
    const entry = { pattern: fams, promoter };
    list.push(entry);
    this.bump(() => removeItem(list, entry));
  }

  registerWrappingLoop(ufunc: string | { readonly name: string }, spec: WrappingLoopSpec): void {
    const name = typeof ufunc === 'string' ? ufunc : ufunc.name;
    const u = this.ufuncSpec(name);
    if (spec.dtypes.length !== u.nin + u.nout) {
      throw new ValueError(`wrapping loop for '${name}' needs ${u.nin + u.nout} dtypes, got ${spec.dtypes.length}`);
    }
    const families = spec.dtypes.map((d) => (d === null ? null : this.family(d)));
    let list = this.wrappingLoops.get(name);
    if (list === undefined) this.wrappingLoops.set(name, (list = []));
    const entry = { ...spec, families };
    list.push(entry);
    this.bump(() => removeItem(list, entry));
  }

  /** Lets a wrapper family run the reductions of its arrays (see {@link WrappingReductionSpec}). */
  registerWrappingReduction(spec: WrappingReductionSpec): void {
    const family = this.family(spec.dtype);
    if (this.wrappingReductions.has(family)) throw new DTypeError(`reductions of ${family.name} are already wrapped`, 'REDUCTION_CLASH');
    this.wrappingReductions.set(family, { ...spec, family });
    this.bump(() => this.wrappingReductions.delete(family));
  }

  registerArgLoop(spec: ArgLoopSpec): void {
    const entry = { ...spec, family: this.family(spec.dtype), backendName: spec.backend ?? 'js' };
    this.argLoops.push(entry);
    this.bump(() => removeItem(this.argLoops, entry));
  }

  // ---- backends ---------------------------------------------------------------------------

  registerBackend(info: BackendInfo): void {
    const prior = this.backends.get(info.name);
    this.backends.set(info.name, info);
    this.bump(() => (prior === undefined ? this.backends.delete(info.name) : this.backends.set(info.name, prior)));
  }

  /**
   * Sets the order in which backends are tried (earlier wins when it has a loop); backends not
   * listed are not used, except 'js', which is always the last resort unless forbidden.
   */
  setBackendPreference(order: readonly string[]): void {
    for (const b of order) if (typeof b !== 'string') throw new ValueError('backend names must be strings');
    this.preference = [...order];
    this.bump();
  }

  /** Forbids backends (e.g. `['wasm']` under a CSP without wasm-unsafe-eval). */
  forbidBackends(names: readonly string[]): void {
    this.forbidden = new Set(names);
    this.bump();
  }

  /** Backends to try, in order, for arrays on `device`. */
  backendsFor(device: string): readonly string[] {
    const key = `backends:${device}`;
    let cache = this.caches.get('backends');
    if (cache === undefined) this.caches.set('backends', (cache = new Map()));
    const hit = cache.get(key) as readonly string[] | undefined;
    if (hit !== undefined) return hit;
    const order = [...this.preference];
    if (!order.includes('js')) order.push('js');
    const out = order.filter((b) => {
      const info = this.backends.get(b);
      return info !== undefined && !this.forbidden.has(b) && info.devices.includes(device) && info.available();
    });
    cache.set(key, out);
    return out;
  }
}

function sameFamilies(a: readonly DTypeFamily[], b: readonly DTypeFamily[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
