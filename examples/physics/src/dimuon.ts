import * as dt from 'dtkit';
import { convert, unitOf } from '@dtkit/units';
import { lorentz, mass, lorentzPlugin } from './lorentz.js';
import { generateEvents, type Events } from './events.js';
import { histogram, histogramSvg, peak, type Histogram } from './histogram.js';

export interface Spectrum {
  readonly masses: dt.NDArray;
  readonly histogram: Histogram;
  readonly peak: number;
  readonly svg: string;
}

/** Di-muon invariant mass of every event: mass(mu1 + mu2), in GeV/c^2, histogrammed 60–120. */
export function dimuonSpectrum(events: Events = generateEvents(20000)): Spectrum {
  dt.use(lorentzPlugin);
  const mu1 = dt.array(events.mu1, { dtype: lorentz });
  const mu2 = dt.array(events.mu2, { dtype: lorentz });
  const masses = mass(dt.add(mu1, mu2));
  if (unitOf(masses) !== 'GeV/c^2') throw new Error(`unexpected unit ${unitOf(masses)}`);
  const values = convert(masses, 'GeV/c^2').toArray() as number[];
  const h = histogram(values, 60, 120, 60);
  return { masses, histogram: h, peak: peak(h), svg: histogramSvg(h, `di-muon invariant mass, ${values.length} events`, 'm(μμ) [GeV/c²]') };
}
