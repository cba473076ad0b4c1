import { COMPARABILITY_STATES } from '../data/derive';
import { normalise, type RowModel } from './state';

/**
 * One row of the explorer as data: what its downloads hold (CSV columns in this order), and what
 * the page script filters and sorts. Pairs carry the 2024 result in value… and the 2025 target in
 * target_…; records and projects leave target_… empty.
 */
export interface ExploreRecord {
  id: string;
  kind: 'result' | 'target' | 'project' | 'pair';
  sector: string;
  year: string;
  label_zh: string;
  label_en: string;
  value: number | null;
  unit: string | null;
  bound: string | null;
  commitment: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_bound: string | null;
  target_commitment: string | null;
  change: string | null;
  comparability: string | null;
  town_codes: string[];
  quote: string;
  target_quote: string | null;
  /** Provenance ids whose highlighted sentences this row links to (#q-<id> in the report). */
  sentences: string[];
  charts: string[];
}

export const EXPLORE_COLUMNS: Array<keyof ExploreRecord> = [
  'id', 'kind', 'sector', 'year', 'label_zh', 'label_en', 'value', 'unit', 'bound', 'commitment',
  'target_value', 'target_unit', 'target_bound', 'target_commitment', 'change', 'comparability',
  'town_codes', 'quote', 'target_quote', 'sentences', 'charts',
];

/** The value the explorer offers for district-wide projects in its township filter. */
export const DISTRICT_WIDE = 'district-wide';

/** Columns the table sorts by (its header buttons carry these names). */
export const SORT_COLUMNS = ['label', 'kind', 'sector', 'year', 'value', 'change', 'comp', 'town', 'quote', 'id'] as const;

const KIND_ORDER = ['pair', 'result', 'target', 'project'];
const CHANGE_ORDER = ['raised', 'held', 'lowered'];
const COMP_ORDER: readonly string[] = COMPARABILITY_STATES;

/** Names the page shows for coded values, so that sorting follows what a reader sees. */
export interface DisplayNames {
  sector: ReadonlyMap<string, string>;
  town: ReadonlyMap<string, string>;
}

export function rowModel(record: ExploreRecord, lang: 'zh' | 'en', names: DisplayNames): RowModel {
  const towns = record.town_codes.length > 0 ? record.town_codes : record.kind === 'project' ? [DISTRICT_WIDE] : [];
  const townNames = towns.map((code) => names.town.get(code) ?? code);
  const years = record.year.split('-');
  const rank = (order: readonly string[], value: string | null) => (value === null ? null : order.indexOf(value));
  return {
    id: record.id,
    values: {
      sector: [record.sector],
      year: years,
      kind: [record.kind],
      change: record.change ? [record.change] : [],
      comp: record.comparability ? [record.comparability] : [],
      town: towns,
    },
    text: normalise([record.label_zh, record.label_en, record.quote, record.target_quote ?? '', record.id, ...townNames].join(' ')),
    sort: {
      label: lang === 'zh' ? record.label_zh : record.label_en,
      kind: rank(KIND_ORDER, record.kind),
      sector: names.sector.get(record.sector) ?? record.sector,
      year: Number(years[0]),
      value: record.value,
      change: rank(CHANGE_ORDER, record.change),
      comp: rank(COMP_ORDER, record.comparability),
      town: townNames.length > 0 ? townNames.join(' ') : null,
      quote: record.quote,
      id: record.id,
    },
  };
}
