// npx tsx examples/physics/src/demo.ts [out.svg]: di-muon spectrum of 20000 generated events.
import { writeFileSync } from 'node:fs';
import * as dt from 'dtkit';
import { convert } from '@dtkit/units';
import { dimuonSpectrum } from './dimuon.js';

const s = dimuonSpectrum();
const file = process.argv[2] ?? 'dimuon.svg';
writeFileSync(file, s.svg);
console.log(`peak at ${s.peak.toFixed(1)} GeV/c^2; first masses ${s.masses.slice([0, 3])}`);
console.log(`in kg: ${convert(s.masses.slice([0, 1]), 'kg')}; sum of masses ${dt.sum(s.masses)}`);
console.log(`wrote ${file}`);
