/** A third-party domain package on dtkit's published names: HEP units, a four-vector dtype, a di-muon demo. */
export { defineHepUnits } from './hep-units.js';
export { lorentz, lorentzPlugin, mass, pt, eta, phi, type FourVector } from './lorentz.js';
export { generateEvents, Z_MASS, Z_WIDTH, type Events } from './events.js';
export { histogram, histogramSvg, peak, type Histogram } from './histogram.js';
export { dimuonSpectrum, type Spectrum } from './dimuon.js';
