import type { Registry } from '@dtkit/core';
export function registerMaskedReductions(_reg: Registry): void {}
