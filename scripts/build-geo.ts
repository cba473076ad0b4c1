// Builds data/gaoping.topojson from named, pinned inputs (see docs/geography.md).
//   npm run build:geo           → writes data/gaoping.topojson
//   npm run build:geo -- OUT    → writes OUT instead
import { readFileSync, writeFileSync } from 'node:fs';
import { buildGaopingTopology } from '../src/geo/build-topology';
import type { PlacesFile } from '../src/geo/types';
import { GEO_OPTIONS, NANCHONG_BOUNDARIES, PLACES_FILE } from './geo-inputs';

const out = process.argv[2] ?? 'data/gaoping.topojson';
const nanchong = JSON.parse(readFileSync(NANCHONG_BOUNDARIES, 'utf8'));
const places = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as PlacesFile;
const text = JSON.stringify(buildGaopingTopology(nanchong, places, GEO_OPTIONS));
writeFileSync(out, text + '\n');
console.log(`wrote ${out}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
