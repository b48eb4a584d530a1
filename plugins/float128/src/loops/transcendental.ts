/**
 * Transcendental functions. soft/ does not provide them yet (exp, log, sin, ... are being
 * written there); each is registered here as soon as soft/ exports it.
 */
import type { Lanes1, Lanes2 } from './elementwise.js';

export const TRANSCENDENTALS: { readonly unary: Readonly<Record<string, Lanes1>>; readonly binary: Readonly<Record<string, Lanes2>> } = {
  unary: {},
  binary: {},
};
