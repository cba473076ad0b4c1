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
  /** Gaoping for the report's own rows; Nanchong, Sichuan or China for a context record (data/context.json). */
  place: string;
  /** The document quoted: a source id of data/sources.json (gaoping-2025 for the report). */
  source: string;
  sector: string;
  year: string;
  label_zh: string;
  label_en: string;
  value: number | null;
  unit: string | null;
  /** The unit in English (src/data/units.ts). */
  unit_en: string | null;
  bound: string | null;
  /** The bound in English words (or more, about…), as the English edition writes it. */
  bound_en: string | null;
  commitment: string | null;
  commitment_en: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_bound: string | null;
  target_bound_en: string | null;
  target_commitment: string | null;
  target_commitment_en: string | null;
  /** raised, held or lowered (comparable pairs, and their two records). */
  change: string | null;
  /** The size of the change, one decimal, in change_unit: pp for rates, % of the 2024 result for levels. */
  change_value: number | null;
  change_unit: string | null;
  /** values, or floors when both years are stated only as floors. */
  compared_on: string | null;
  comparability: string | null;
  town_codes: string[];
  quote: string;
  /** The quote's English gloss (the record's or project's `quoteEn`, its figure filled), when it has one. */
  quote_en: string | null;
  target_quote: string | null;
  target_quote_en: string | null;
  /** Provenance ids whose highlighted sentences this row links to (#q-<id> in the report). */
  sentences: string[];
  charts: string[];
}

export const EXPLORE_COLUMNS: Array<keyof ExploreRecord> = [
  'id',
  'kind',
  'place',
  'source',
  'sector',
  'year',
  'label_zh',
  'label_en',
  'value',
  'unit',
  'unit_en',
  'bound',
  'bound_en',
  'commitment',
  'commitment_en',
  'target_value',
  'target_unit',
  'target_bound',
  'target_bound_en',
  'target_commitment',
  'target_commitment_en',
  'change',
  'change_value',
  'change_unit',
  'compared_on',
  'comparability',
  'town_codes',
  'quote',
  'quote_en',
  'target_quote',
  'target_quote_en',
  'sentences',
  'charts',
];

/** The value the explorer offers for district-wide projects in its township filter. */
export const DISTRICT_WIDE = 'district-wide';

/**
 * Columns the table sorts by (its header buttons carry these names). Values are not one of them:
 * 7248户 and 312.5亿元 have no order. "change" sorts by the size of the change within its unit.
 */
export const SORT_COLUMNS = ['label', 'kind', 'sector', 'year', 'change', 'comp', 'town', 'quote', 'id'] as const;

/** Rates (pp) sort before levels (%), each by its own change: the offset keeps the two groups apart. */
const CHANGE_GROUP_OFFSET: Record<string, number> = { pp: 0, '%': 1e6 };

/**
 * Words a reader searches for that the report does not write: abbreviations, each found when the
 * Chinese or English label or the quote names what it stands for.
 */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/地区生产总值|gdp|gross domestic product/i, 'GDP'],
  [/外商直接投资|外资|foreign direct investment/i, 'FDI'],
  [/研发|研究与试验发展|r&d|research and development/i, 'R&D'],
  [/规模以上|above-size/i, 'above-scale'],
  [/固定资产投资|fixed-asset investment/i, 'FAI'],
  [/社会消费品零售|retail sales/i, 'retail'],
];

const KIND_ORDER = ['pair', 'result', 'target', 'project'];
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
      place: [record.place],
      source: [record.source],
    },
    text: normalise(
      [
        record.label_zh,
        record.label_en,
        record.quote,
        record.target_quote ?? '',
        record.quote_en ?? '',
        record.target_quote_en ?? '',
        record.id,
        ...townNames,
        record.unit ?? '',
        record.unit_en ?? '',
        record.target_unit ?? '',
        ...ABBREVIATIONS.filter(([pattern]) =>
          pattern.test(`${record.label_zh} ${record.label_en} ${record.quote}`),
        ).map(([, word]) => word),
      ].join(' '),
    ),
    sort: {
      label: lang === 'zh' ? record.label_zh : record.label_en,
      kind: rank(KIND_ORDER, record.kind),
      sector: names.sector.get(record.sector) ?? record.sector,
      year: Number(years[0]),
      change:
        record.change_value === null || record.change_unit === null
          ? null
          : CHANGE_GROUP_OFFSET[record.change_unit]! + record.change_value,
      comp: rank(COMP_ORDER, record.comparability),
      town: townNames.length > 0 ? townNames.join(' ') : null,
      quote: record.quote,
      id: record.id,
    },
  };
}
