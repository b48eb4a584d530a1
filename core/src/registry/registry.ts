import { isDType, isDTypeFamily, type DType, type DTypeFamily } from '../dtype/dtype.js';
import { parseSpec } from '../dtype/spec-parser.js';
import type { StridedLoop } from '../dtype/loop.js';
import { DTypeError, ValueError } from '../errors.js';
import {
  checkArity, checkArray, checkBackendName, checkBackendNames, checkCasting, checkFamily, checkFunction, checkName,
  checkObject, checkOptionalFunction, checkPlugin, ufuncName,
} from './validate.js';
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
 * Every registration bumps `version`, which invalidates dispatch caches. Every registration
 * validates its arguments before it changes anything, and `use()` is a transaction: a plugin
 * whose install (or a dependency's) throws leaves the registry as it was (only `version` moves on).
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
  /** Plugins whose `use` is under way, outermost first: the path a dependency cycle is named by. */
  private readonly installing: Plugin[] = [];
  private preference: readonly string[] = ['webgpu', 'wasm', 'js'];
  /** Undo steps of the plugin being installed, so a failing `install` leaves no trace. */
  private journal: (() => void)[] | null = null;
  private forbidden = new Set<string>();
  private declared: { version: number; names: ReadonlySet<string> } | undefined;

  constructor() {
    this.backends.set('js', { name: 'js', devices: ['cpu'], available: () => true });
  }

  /** Records a change: invalidates caches and, inside `use`, keeps the step that undoes it. */
  private bump(undo?: () => void): void {
    this.version++;
    if (this.caches.size !== 0) this.caches.clear();
    if (undo !== undefined && this.journal !== null) this.journal.push(undo);
  }

  // ---- plugins ----------------------------------------------------------------------------

  /**
   * Installs a plugin (and first its dependencies) once; a second `use` of the same plugin is a
   * no-op. All or nothing: if the plugin's or a dependency's install throws, every change made
   * during this call (dependencies included) is undone before the error propagates.
   */
  use(plugin: Plugin): this {
    checkPlugin(plugin);
    const pending = this.installing.findIndex((p) => p === plugin || p.name === plugin.name);
    if (pending >= 0) {
      if (this.installing[pending] !== plugin) throw new DTypeError(`a different plugin named '${plugin.name}' is being installed`, 'PLUGIN_CLASH');
      const cycle = [...this.installing.slice(pending), plugin].map((p) => p.name).join(' -> ');
      throw new DTypeError(`plugin dependency cycle: ${cycle}`, 'PLUGIN_CYCLE');
    }
    const prior = this.installed.get(plugin.name);
    if (prior === plugin) return this;
    if (prior !== undefined) throw new DTypeError(`a different plugin named '${plugin.name}' is already installed`, 'PLUGIN_CLASH');
    this.installing.push(plugin);
    try {
      this.transaction(() => {
        for (const dep of plugin.dependencies ?? []) this.use(dep);
        this.installed.set(plugin.name, plugin);
        this.bump(() => this.installed.delete(plugin.name));
        plugin.install(this);
      });
    } finally {
      this.installing.pop();
    }
    return this;
  }

  /** Runs `body`; if it throws, undoes its changes newest first. Nested: the outer call keeps them. */
  private transaction(body: () => void): void {
    const outer = this.journal;
    const journal: (() => void)[] = [];
    this.journal = journal;
    try {
      body();
    } catch (e) {
      this.journal = outer;
      for (let i = journal.length - 1; i >= 0; i--) journal[i]!();
      this.bump();
      throw e;
    }
    this.journal = outer;
    if (outer !== null) for (const undo of journal) outer.push(undo);
    this.bump();
  }

  hasPlugin(name: string): boolean {
    return this.installed.has(name);
  }

  // ---- dtypes -----------------------------------------------------------------------------

  /** Registers a family; the same family twice is a no-op, another family of that name a clash. */
  addDType(family: DTypeFamily): DTypeFamily {
    checkFamily(family);
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
    if (typeof ref !== 'string') throw new DTypeError(`expected a DType family, a descriptor or a registered dtype name, got ${ref === null ? 'null' : typeof ref}`, 'DTYPE_FAMILY');
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

  /**
   * Option names declared (`options: [...]`) by any registered ufunc, loop, wrapping loop or cast:
   * the extras a call accepts besides its standard options. Recomputed once per registry version.
   */
  declaredOptions(): ReadonlySet<string> {
    if (this.declared?.version === this.version) return this.declared.names;
    const names = new Set<string>();
    const add = (spec: { readonly options?: readonly string[] }): void => {
      for (const n of spec.options ?? []) names.add(n);
    };
    for (const u of this.ufuncSpecs.values()) add(u);
    for (const list of this.loops.values()) list.forEach(add);
    for (const list of this.wrappingLoops.values()) list.forEach(add);
    for (const row of this.casts.values()) row.forEach(add);
    this.castsFromAny.forEach(add);
    this.castsToAny.forEach(add);
    this.wrappingReductions.forEach(add);
    this.declared = { version: this.version, names };
    return names;
  }

  // ---- casts ------------------------------------------------------------------------------

  registerCast(spec: CastSpec): void {
    checkObject(spec, 'a cast spec');
    if (spec.from === null || spec.to === null) {
      this.registerWrappingCast(spec);
      return;
    }
    const fromFamily = this.family(spec.from);
    const toFamily = this.family(spec.to);
    checkCasting(spec.casting);
    checkFunction(spec.loop, 'a cast loop');
    checkOptionalFunction(spec.resolveDescriptors, 'resolveDescriptors');
    let row = this.casts.get(fromFamily);
    if (row?.has(toFamily)) throw new DTypeError(`a cast ${fromFamily.name} -> ${toFamily.name} is already registered`, 'CAST_CLASH');
    if (row === undefined) this.casts.set(fromFamily, (row = new Map()));
    row.set(toFamily, { ...spec, fromFamily, toFamily });
    this.bump(() => deleteNested(this.casts, fromFamily, toFamily));
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
    checkBackendName(backend);
    checkFunction(loop, 'a cast loop');
    const prior = this.castLoops.get(fromFamily)?.get(toFamily);
    if (prior?.has(backend)) throw new DTypeError(`a ${backend} loop for the cast ${fromFamily.name} -> ${toFamily.name} is already registered`, 'CAST_CLASH');
    const byBackend = prior ?? new Map<string, StridedLoop>();
    if (prior === undefined) setNested(this.castLoops, fromFamily, toFamily, byBackend);
    byBackend.set(backend, loop);
    this.bump(() => {
      byBackend.delete(backend);
      if (byBackend.size === 0) deleteNested(this.castLoops, fromFamily, toFamily);
    });
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
    // A UFunc object (a function carrying name/nin/nout, as `defineUfunc` returns) is a spec too.
    if (typeof spec !== 'function') checkObject(spec, 'a ufunc spec');
    checkName(spec.name, 'ufunc', 'UFUNC_NAME');
    checkArity(spec.nin, 'nin', spec.name);
    checkArity(spec.nout, 'nout', spec.name);
    const prior = this.ufuncSpecs.get(spec.name);
    if (prior !== undefined) {
      if (prior.nin === spec.nin && prior.nout === spec.nout) return prior;
      throw new DTypeError(`ufunc '${spec.name}' is already defined with nin=${prior.nin}, nout=${prior.nout}`, 'UFUNC_CLASH');
    }
    this.ufuncSpecs.set(spec.name, spec);
    this.bump(() => this.ufuncSpecs.delete(spec.name));
    return spec;
  }

  private ufuncSpec(ufunc: unknown): UFuncSpec {
    const name = ufuncName(ufunc);
    const u = this.ufuncSpecs.get(name);
    if (u === undefined) throw new DTypeError(`unknown ufunc '${name}'`, 'UFUNC_UNKNOWN');
    return u;
  }

  registerLoop(ufunc: string | { readonly name: string }, spec: LoopSpec): void {
    const u = this.ufuncSpec(ufunc);
    const name = u.name;
    checkObject(spec, 'the spec', 'loop for', name);
    checkArray(spec.dtypes, 'dtypes', 'loop for', name);
    if (spec.dtypes.length !== u.nin + u.nout) {
      throw new ValueError(`loop for '${name}' needs ${u.nin + u.nout} dtypes (nin=${u.nin}, nout=${u.nout}), got ${spec.dtypes.length}`);
    }
    if (!spec.loop && !spec.getLoop) throw new ValueError(`loop for '${name}' needs 'loop' or 'getLoop'`);
    checkOptionalFunction(spec.loop, 'loop', 'loop for', name);
    checkOptionalFunction(spec.getLoop, 'getLoop', 'loop for', name);
    checkOptionalFunction(spec.reduceLoop, 'reduceLoop', 'loop for', name);
    checkOptionalFunction(spec.resolveDescriptors, 'resolveDescriptors', 'loop for', name);
    if (spec.backend !== undefined) checkBackendName(spec.backend);
    const families = spec.dtypes.map((d) => this.family(d));
    const backendName = spec.backend ?? 'js';
    let list = this.loops.get(name);
    if (list !== undefined && hasLoop(list, backendName, families)) throw new DTypeError(`ufunc '${name}' already has a ${backendName} loop for (${families.map((f) => f.name).join(', ')})`, 'LOOP_CLASH');
    if (list === undefined) this.loops.set(name, (list = []));
    const entry: LoopEntry = { ...spec, families, backendName };
    list.push(entry);
    const owner = list;
    this.bump(() => dropEntry(this.loops, name, owner, entry));
  }

  /** Appends to the list under `name` (created on demand; removed again by the undo when empty). */
  private addEntry<T>(table: Map<string, T[]>, name: string, entry: T): void {
    let list = table.get(name);
    if (list === undefined) table.set(name, (list = []));
    list.push(entry);
    const owner = list;
    this.bump(() => dropEntry(table, name, owner, entry));
  }

  registerPromoter(ufunc: string | { readonly name: string }, pattern: readonly (FamilyRef | null)[], promoter: Promoter): void {
    const u = this.ufuncSpec(ufunc);
    checkArray(pattern, 'pattern', 'promoter for', u.name);
    if (pattern.length < 1 || pattern.length > u.nin + u.nout) {
      throw new ValueError(`promoter for '${u.name}': pattern needs 1 to ${u.nin + u.nout} entries, got ${pattern.length}`, 'REGISTRATION');
    }
    checkFunction(promoter, 'promoter', 'promoter for', u.name);
    const fams = pattern.map((p) => (p === null ? null : this.family(p)));
    this.addEntry(this.promoters, u.name, { pattern: fams, promoter });
  }

  registerWrappingLoop(ufunc: string | { readonly name: string }, spec: WrappingLoopSpec): void {
    const u = this.ufuncSpec(ufunc);
    const name = u.name;
    checkObject(spec, 'the spec', 'wrapping loop for', name);
    checkArray(spec.dtypes, 'dtypes', 'wrapping loop for', name);
    if (spec.dtypes.length !== u.nin + u.nout) {
      throw new ValueError(`wrapping loop for '${name}' needs ${u.nin + u.nout} dtypes, got ${spec.dtypes.length}`);
    }
    checkFunction(spec.unwrap, 'unwrap', 'wrapping loop for', name);
    checkFunction(spec.rewrap, 'rewrap', 'wrapping loop for', name);
    checkOptionalFunction(spec.wrapLoop, 'wrapLoop', 'wrapping loop for', name);
    if (spec.backend !== undefined) checkBackendName(spec.backend);
    const families = spec.dtypes.map((d) => (d === null ? null : this.family(d)));
    this.addEntry(this.wrappingLoops, name, { ...spec, families });
  }

  /** Lets a wrapper family run the reductions of its arrays (see {@link WrappingReductionSpec}). */
  registerWrappingReduction(spec: WrappingReductionSpec): void {
    const family = this.family(spec.dtype);
    if (this.wrappingReductions.has(family)) throw new DTypeError(`reductions of ${family.name} are already wrapped`, 'REDUCTION_CLASH');
    this.wrappingReductions.set(family, { ...spec, family });
    this.bump(() => this.wrappingReductions.delete(family));
  }

  registerArgLoop(spec: ArgLoopSpec): void {
    checkObject(spec, 'an arg loop spec');
    const family = this.family(spec.dtype);
    if (spec.kind !== 'argmin' && spec.kind !== 'argmax') throw new ValueError(`an arg loop's kind must be 'argmin' or 'argmax', got ${String(spec.kind)}`, 'REGISTRATION');
    checkFunction(spec.loop, 'loop', 'arg loop', spec.kind);
    if (spec.backend !== undefined) checkBackendName(spec.backend);
    const entry = { ...spec, family, backendName: spec.backend ?? 'js' };
    this.argLoops.push(entry);
    this.bump(() => removeItem(this.argLoops, entry));
  }

  // ---- backends ---------------------------------------------------------------------------

  registerBackend(info: BackendInfo): void {
    checkObject(info, 'a backend');
    checkBackendName(info.name);
    checkBackendNames(info.devices, 'the devices of a backend', 'device');
    checkFunction(info.available, 'available', 'backend', info.name);
    const prior = this.backends.get(info.name);
    this.backends.set(info.name, info);
    this.bump(() => (prior === undefined ? this.backends.delete(info.name) : this.backends.set(info.name, prior)));
  }

  /**
   * Sets the order in which backends are tried (earlier wins when it has a loop); backends not
   * listed are not used, except 'js', which is always the last resort unless forbidden.
   */
  setBackendPreference(order: readonly string[]): void {
    checkBackendNames(order, 'the backend preference');
    const prior = this.preference;
    this.preference = [...order];
    this.bump(() => { this.preference = prior; });
  }

  /** Forbids backends (e.g. `['wasm']` under a CSP without wasm-unsafe-eval). */
  forbidBackends(names: readonly string[]): void {
    checkBackendNames(names, 'the forbidden backends');
    const prior = this.forbidden;
    this.forbidden = new Set(names);
    this.bump(() => { this.forbidden = prior; });
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

function hasLoop(list: readonly LoopEntry[], backendName: string, families: readonly DTypeFamily[]): boolean {
  for (const e of list) if (e.backendName === backendName && sameFamilies(e.families, families)) return true;
  return false;
}

function sameFamilies(a: readonly DTypeFamily[], b: readonly DTypeFamily[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

function setNested<K1, K2, V>(table: Map<K1, Map<K2, V>>, a: K1, b: K2, value: V): void {
  let row = table.get(a);
  if (row === undefined) table.set(a, (row = new Map()));
  row.set(b, value);
}

/** Deletes `table[a][b]`, and the row when it becomes empty. */
function deleteNested<K1, K2, V>(table: Map<K1, Map<K2, V>>, a: K1, b: K2): void {
  const row = table.get(a);
  if (row === undefined) return;
  row.delete(b);
  if (row.size === 0) table.delete(a);
}

/** Undoes an `addEntry`: removes the entry, and its list from the table once empty. */
function dropEntry<T>(table: Map<string, T[]>, name: string, list: T[], entry: T): void {
  removeItem(list, entry);
  if (list.length === 0 && table.get(name) === list) table.delete(name);
}

function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
