import { defineUfunc } from '@dtkit/ufunc-registry';

/** fma(a, b, c) = a·b + c with a single rounding (defined in each registry by `install`). */
export const FMA_DEF = { name: 'fma', nin: 3, nout: 1 } as const;

/** The fused multiply-add ufunc: `fma(a, b, c)`; float128 loop correctly rounded. */
export const fma = defineUfunc(FMA_DEF);
