import type { TypedStore } from '../storage/types.js';

/**
 * Typed stores allocated while each `tidy` scope is open, innermost last. Kept in a leaf module
 * (no imports) so the allocator can record into it without an import cycle.
 */
export const openScopes: TypedStore[][] = [];
