/**
 * Every error dtkit throws is a DTKitError with a stable string `code`, so callers can branch
 * on `err.code` across package copies (where `instanceof` may fail).
 */
export class DTKitError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
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
