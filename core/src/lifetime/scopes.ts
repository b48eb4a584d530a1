import type { TypedStore } from '../storage/types.js';
import { processWide } from '../registry/process-wide.js';

/**
 * Typed stores allocated while each `tidy` scope is open, innermost last. One stack per process
 * (`Symbol.for('dtkit.tidyScopes')`), shared by every copy of the kernel, so a `tidy` of one copy
 * also releases arrays another copy allocates inside it. Kept in a module without kernel imports
 * so the allocator can record into it without an import cycle.
 */
export const openScopes: TypedStore[][] = processWide<TypedStore[][]>('dtkit.tidyScopes', () => []);
