/**
 * The explorer's table behaviour as pure functions: the URL state, filtering, full-text search and
 * sorting. The page script and the unit tests use the same code; nothing here touches the DOM.
 */
import { toCsv } from '../data/csv';

/** place: Gaoping, Nanchong, Sichuan, China; source: the document a row quotes (data/sources.json). */
export const FILTERS = ['sector', 'year', 'kind', 'change', 'comp', 'town', 'place', 'source'] as const;
type FilterName = (typeof FILTERS)[number];

type SortDir = 'asc' | 'desc';

export interface ExploreState {
  filters: Record<FilterName, string>;
  /** Free text, matched as text (never a pattern) against labels, quotes and ids. */
  q: string;
  sort: string;
  dir: SortDir;
}

/** What the URL may say: the values each filter offers and the sortable columns. Anything else falls back. */
export interface Allowed {
  filters: Record<FilterName, readonly string[]>;
  sorts: readonly string[];
}

const ALL = '';
const MAX_QUERY = 100;

export function defaultState(): ExploreState {
  return {
    filters: { sector: ALL, year: ALL, kind: ALL, change: ALL, comp: ALL, town: ALL, place: ALL, source: ALL },
    q: '',
    sort: '',
    dir: 'asc',
  };
}

/** Lone surrogates cannot be encoded in a URL or matched sensibly: drop them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Reads a view from a query string. Unknown keys are ignored; a value that is not one the page
 * offers, a repeated key, or a string that cannot be decoded falls back to that field's default.
 */
export function parseState(search: string, allowed: Allowed): ExploreState {
  const state = defaultState();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    return state;
  }
  const single = (key: string): string | null => {
    const values = params.getAll(key);
    return values.length === 1 ? values[0]! : null;
  };
  for (const name of FILTERS) {
    const value = single(name);
    if (value !== null && allowed.filters[name].includes(value)) state.filters[name] = value;
  }
  const q = single('q');
  if (q !== null) state.q = wellFormed(q).slice(0, MAX_QUERY).trim();
  const sort = single('sort');
  if (sort !== null && allowed.sorts.includes(sort)) {
    state.sort = sort;
    const dir = single('dir');
    state.dir = dir === 'desc' ? 'desc' : 'asc';
  }
  return state;
}

/** The query string for a view ('' for the default view); only what differs from the default. */
export function serializeState(state: ExploreState): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name] !== ALL) params.set(name, state.filters[name]);
  if (state.q) params.set('q', state.q);
  if (state.sort) {
    params.set('sort', state.sort);
    if (state.dir === 'desc') params.set('dir', 'desc');
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Search text for Chinese and English alike: full-width forms to half-width (NFKC), case folded, spaces collapsed. */
export function normalise(text: string): string {
  return wellFormed(text).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface RowModel {
  id: string;
  /** Filter values; a row may carry several for one filter (a pair spans two years, a project several towns). */
  values: Record<FilterName, readonly string[]>;
  /** normalise()d labels, quotes and id. */
  text: string;
  /** Sort keys by column: numbers sort numerically, strings by the page's collator; null sorts last. */
  sort: Record<string, string | number | null>;
}

function matches(row: RowModel, state: ExploreState, query = normalise(state.q)): boolean {
  for (const name of FILTERS) {
    const wanted = state.filters[name];
    if (wanted !== ALL && !row.values[name].includes(wanted)) return false;
  }
  if (query && !query.split(' ').every((word) => row.text.includes(word))) return false;
  return true;
}

function compareRows(a: RowModel, b: RowModel, column: string, dir: SortDir, collator: Intl.Collator): number {
  const x = a.sort[column] ?? null;
  const y = b.sort[column] ?? null;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return dir === 'desc' ? -order : order;
}

/** The rows a view shows, in its order (the prerendered order when unsorted; ties keep it). */
export function applyState(rows: readonly RowModel[], state: ExploreState, collator: Intl.Collator): RowModel[] {
  const query = normalise(state.q);
  const shown = rows.filter((row) => matches(row, state, query));
  if (!state.sort) return shown;
  const position = new Map(rows.map((row, i) => [row.id, i]));
  return shown.sort(
    (a, b) => compareRows(a, b, state.sort, state.dir, collator) || position.get(a.id)! - position.get(b.id)!,
  );
}

/** The columns that hold the report's Chinese words for a bound or a commitment: the English view's download leaves them out for their `_en` twins. */
export const CHINESE_WORD_COLUMNS: readonly string[] = ['bound', 'commitment', 'target_bound', 'target_commitment'];

/**
 * The explorer's rows as CSV through the project's one writer (d3-dsv, as every download): a list
 * (town codes, sentences, charts) is one cell joined by "|", as in explore.csv.
 */
export function exploreCsv(columns: readonly string[], records: ReadonlyArray<Record<string, unknown>>): string {
  const flat = records.map((record) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = record[column];
        return [column, Array.isArray(value) ? value.join('|') : value];
      }),
    ),
  );
  return toCsv({ columns, rows: flat });
}
