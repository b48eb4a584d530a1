/** Brand of every dtkit error: its class names from its own class up to DTKitError. */
const ERROR_LINEAGE = Symbol.for('dtkit.errorLineage');

/** Lineages by class, computed once: `['DisposedError', 'DTKitError']`. */
const lineages = new WeakMap<object, readonly string[]>();

function lineageOf(ctor: object): readonly string[] {
  let lineage = lineages.get(ctor);
  if (lineage === undefined) {
    const names: string[] = [];
    for (let c: unknown = ctor; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
      names.push((c as { name: string }).name);
      if (c === DTKitError) break;
    }
    lineage = names;
    lineages.set(ctor, lineage);
  }
  return lineage;
}

/**
 * Every error dtkit throws is a DTKitError with a stable string `code`, so callers can branch
 * on `err.code`. `instanceof` works across copies of `@dtkit/core` too (duplicated
 * node_modules): each error carries its class lineage under `Symbol.for('dtkit.errorLineage')`,
 * and `instanceof C` for any class C of this hierarchy, from any copy, asks whether C's lineage
 * ends that lineage.
 */
export class DTKitError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
    Object.defineProperty(this, ERROR_LINEAGE, { value: lineageOf(new.target) });
  }

  /**
   * `err instanceof DTypeError` is true for a DTypeError thrown by any copy of the kernel
   * (matched by class names along the lineage), not only this copy's.
   */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null) return false;
    const theirs = (value as { [ERROR_LINEAGE]?: unknown })[ERROR_LINEAGE];
    if (!Array.isArray(theirs)) return false;
    const ours = lineageOf(this);
    const skip = theirs.length - ours.length;
    if (skip < 0) return false;
    for (let i = 0; i < ours.length; i++) if (theirs[skip + i] !== ours[i]) return false;
    return true;
  }
}

/** Unknown dtype spec, malformed spec, or a registration clash. */
export class DTypeError extends DTKitError {
  constructor(message: string, code = 'DTYPE') {
    super(code, message);
  }
}

/** A cast not allowed under the requested casting level, or a value that cannot be represented. */
export class CastingError extends DTKitError {
  constructor(message: string, code = 'CASTING') {
    super(code, message);
  }
}

/** No loop for a ufunc, these dtypes and this backend. */
export class NoLoopError extends DTKitError {
  constructor(message: string) {
    super('NO_LOOP', message);
  }
}

/** Shapes that cannot be broadcast together, or an `out` of the wrong shape. */
export class BroadcastError extends DTKitError {
  constructor(message: string) {
    super('BROADCAST', message);
  }
}

/** Index out of bounds, wrong number of indices, or a bad axis. */
export class IndexError extends DTKitError {
  constructor(message: string, code = 'INDEX') {
    super(code, message);
  }
}

/** A bad argument value (shape, option, data) that is none of the above. */
export class ValueError extends DTKitError {
  constructor(message: string, code = 'VALUE') {
    super(code, message);
  }
}

/** An array whose memory was released by `dispose()` or a `tidy` scope was used. */
export class DisposedError extends DTKitError {
  constructor(message = 'this array was disposed (dispose() or the end of a tidy scope released its memory)') {
    super('DISPOSED', message);
  }
}
