/**
 * A toy event generator (flat version: the two leading muons of each event, until
 * @dtkit/ragged gives per-event particle lists). A fraction `signal` of events are Z → μ⁺μ⁻
 * decays: a Breit–Wigner mass around M_Z, a Z with random transverse and longitudinal
 * momentum, an isotropic decay in its rest frame boosted to the lab, 2 % momentum smearing.
 * The rest are Drell–Yan-like background pairs with a falling mass spectrum. Deterministic seed.
 */
import type { FourVector } from './lorentz.js';

/** PDG 2024: M_Z = 91.1876 GeV, Γ_Z = 2.4955 GeV; m_μ = 0.1056584 GeV. */
export const Z_MASS = 91.1876;
export const Z_WIDTH = 2.4955;
const MUON_MASS = 0.1056584;

/** mulberry32: a small, fast, seedable PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Two daughters of a parent of mass M and momentum p (lab), decaying isotropically. */
function decay(r: () => number, M: number, px: number, py: number, pz: number): [FourVector, FourVector] {
  const E = Math.hypot(M, px, py, pz);
  const pStar = Math.sqrt(Math.max(0, (M * M) / 4 - MUON_MASS * MUON_MASS));
  const cos = 2 * r() - 1, sin = Math.sqrt(1 - cos * cos), ph = 2 * Math.PI * r();
  const d = [pStar * sin * Math.cos(ph), pStar * sin * Math.sin(ph), pStar * cos];
  const eStar = M / 2;
  const b = [px / E, py / E, pz / E];
  const b2 = b[0]! ** 2 + b[1]! ** 2 + b[2]! ** 2;
  const gamma = 1 / Math.sqrt(1 - b2);
  const boost = (sign: number): FourVector => {
    const q = d.map((x) => sign * x);
    const bp = b[0]! * q[0]! + b[1]! * q[1]! + b[2]! * q[2]!;
    const k = b2 > 0 ? ((gamma - 1) * bp) / b2 + gamma * eStar : 0;
    return { px: q[0]! + k * b[0]!, py: q[1]! + k * b[1]!, pz: q[2]! + k * b[2]!, E: gamma * (eStar + bp) };
  };
  return [boost(1), boost(-1)];
}

function smear(r: () => number, p: FourVector): FourVector {
  const f = 1 + 0.02 * gauss(r);
  const px = p.px * f, py = p.py * f, pz = p.pz * f;
  return { px, py, pz, E: Math.hypot(MUON_MASS, px, py, pz) };
}

export interface Events {
  readonly mu1: FourVector[];
  readonly mu2: FourVector[];
}

export function generateEvents(n: number, seed = 1, signal = 0.8): Events {
  const r = rng(seed);
  const mu1: FourVector[] = [], mu2: FourVector[] = [];
  for (let i = 0; i < n; i++) {
    const M = r() < signal
      ? Z_MASS + (Z_WIDTH / 2) * Math.tan(Math.PI * (r() - 0.5)) // Breit–Wigner (Cauchy)
      : 40 - 25 * Math.log(1 - r()); // falling background from 40 GeV
    if (!(M > 2 * MUON_MASS && M < 1000)) { i--; continue; }
    const ptZ = 10 * Math.sqrt(-2 * Math.log(1 - r())), phZ = 2 * Math.PI * r();
    const [a, b] = decay(r, M, ptZ * Math.cos(phZ), ptZ * Math.sin(phZ), 60 * gauss(r));
    mu1.push(smear(r, a));
    mu2.push(smear(r, b));
  }
  return { mu1, mu2 };
}
