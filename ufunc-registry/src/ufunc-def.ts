/** The static description of a ufunc (NumPy name, arity, reduction identity). */
export interface UFuncDef {
  readonly name: string;
  readonly nin: number;
  readonly nout: number;
  readonly identity?: unknown;
}
