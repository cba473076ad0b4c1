import type { Bilingual } from '../i18n/lang';

type TownKind = '街道' | '镇' | '乡';

interface Town {
  /** 9-digit statistical division code (2023). */
  code: string;
  name: Bilingual;
  kind: TownKind;
  /** Pre-2019 units merged into this one (inferred from village names). */
  mergedFrom: string[];
  /** Estimated seat, WGS84. Not an official coordinate. */
  seat: { lat: number; lon: number };
  uncertaintyKm: number;
  confidence: 'low' | 'medium';
}

interface PlaceAlias {
  name: string;
  code: string;
  note: Bilingual;
}

export interface PlacesFile {
  description: string;
  sources: Array<{ name: string; use: string; licence: string }>;
  towns: Town[];
  aliases: PlaceAlias[];
}

/** Properties of each object in data/gaoping.topojson (documented in docs/geography.md). */
export interface AreaProperties {
  name: Bilingual;
}
export interface TownProperties {
  code: string;
  name: Bilingual;
  kind: TownKind;
  mergedFrom: string[];
  uncertaintyKm: number;
  confidence: 'low' | 'medium';
}
