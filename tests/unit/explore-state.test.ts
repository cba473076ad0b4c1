import { describe, expect, it } from 'vitest';
import {
  applyState,
  defaultState,
  FILTERS,
  normalise,
  parseState,
  serializeState,
  exploreCsv,
  type Allowed,
  type RowModel,
} from '../../src/explore/state';
import { rowModel, SORT_COLUMNS, type DisplayNames } from '../../src/explore/records';
import { exploreRecords } from '../../src/explore/explore-page';
import { hostileQueries } from '../support/fuzz';
import { inputs } from '../support/render';

const allowed: Allowed = {
  filters: {
    sector: ['headline', 'industry'],
    year: ['2024', '2025'],
    kind: ['pair', 'result', 'target', 'project'],
    change: ['raised', 'held', 'lowered'],
    comp: ['comparable', 'not-comparable', 'single-year'],
    town: ['511303107', 'district-wide'],
    place: ['gaoping', 'sichuan'],
    source: ['gaoping-2025', 'sichuan-2025'],
  },
  sorts: SORT_COLUMNS,
};
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function row(id: string, over: Partial<RowModel['values']> = {}, sort: RowModel['sort'] = {}, text = id): RowModel {
  return {
    id,
    values: {
      sector: ['headline'],
      year: ['2024'],
      kind: ['result'],
      change: [],
      comp: ['single-year'],
      town: [],
      place: ['gaoping'],
      source: ['gaoping-2025'],
      ...over,
    },
    text: normalise(text),
    sort,
  };
}

describe('explorer URL state', () => {
  it('reads a valid view and writes it back the same', () => {
    const search =
      '?sector=industry&year=2025&kind=target&change=raised&comp=comparable&town=511303107&place=sichuan&source=sichuan-2025&q=%E5%B7%A5%E4%B8%9A&sort=change&dir=desc';
    const state = parseState(search, allowed);
    expect(state).toEqual({
      filters: {
        sector: 'industry',
        year: '2025',
        kind: 'target',
        change: 'raised',
        comp: 'comparable',
        town: '511303107',
        place: 'sichuan',
        source: 'sichuan-2025',
      },
      q: '工业',
      sort: 'change',
      dir: 'desc',
    });
    expect(parseState(serializeState(state), allowed)).toEqual(state);
    expect(serializeState(defaultState())).toBe('');
  });

  it('falls back field by field: unknown values, repeated keys, a direction without a sort', () => {
    const state = parseState(
      '?sector=nope&year=2024&year=2025&kind=pair&place=Sichuan&source=sichuan-2099&dir=desc&sort=__proto__&q=a&q=b',
      allowed,
    );
    expect(state.filters).toEqual({ ...defaultState().filters, kind: 'pair' });
    expect(state.sort).toBe('');
    expect(state.dir).toBe('asc');
    expect(state.q).toBe('');
  });

  it('keeps search text as text, trimmed, at most 100 characters, without lone surrogates', () => {
    expect(parseState(`?q=${encodeURIComponent('  <img src=x onerror=alert(1)>  ')}`, allowed).q).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(parseState(`?q=${'长'.repeat(500)}`, allowed).q).toHaveLength(100);
    expect(parseState('?q=a%ED%A0%80b', allowed).q).not.toMatch(/[\ud800-\udfff]/);
  });

  it('never throws on 2000 hostile query strings, and every result is a view the page offers', () => {
    const keys = [
      'sector',
      'q',
      'sort',
      'dir',
      'year',
      'kind',
      'change',
      'comp',
      'town',
      'place',
      'source',
      '__proto__',
      'constructor',
      'x',
    ];
    let nonDefault = 0;
    for (const query of hostileQueries(2000, 12, keys)) {
      const state = parseState(query, allowed);
      for (const name of FILTERS) expect(['', ...allowed.filters[name]]).toContain(state.filters[name]);
      expect(['', ...allowed.sorts]).toContain(state.sort);
      expect(['asc', 'desc']).toContain(state.dir);
      expect(state.q.length).toBeLessThanOrEqual(100);
      expect(state.q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(Object.keys(state).sort()).toEqual(['dir', 'filters', 'q', 'sort']);
      if (state.q) nonDefault++;
      // What the page writes back to the address reads as the same view.
      expect(parseState(serializeState(state), allowed)).toEqual(state);
    }
    // The fuzzer reached the search field (so the checks above were exercised on real text).
    expect(nonDefault).toBeGreaterThan(100);
  });
});

describe('explorer filtering and sorting', () => {
  const rows = [
    row(
      'a',
      { sector: ['headline'], year: ['2024', '2025'], kind: ['pair'], change: ['raised'], comp: ['comparable'] },
      { value: 6.1, label: '地区生产总值增长' },
      '地区生产总值增长 GDP growth 全年地区生产总值增长6.1%',
    ),
    row(
      'b',
      { sector: ['industry'], year: ['2024'] },
      { value: 12.9, label: '规模以上工业增加值增长' },
      '规模以上工业增加值增长 industrial value added 规模以上工业增加值增长12.9%',
    ),
    row(
      'c',
      { sector: ['industry'], year: ['2025'], kind: ['target'], town: ['511303107'] },
      { value: null, label: '长乐' },
      '长乐镇 Changle (a+b)*',
    ),
  ];

  it('filters by each field; a pair matches either of its years', () => {
    const state = defaultState();
    expect(
      applyState(rows, { ...state, filters: { ...state.filters, year: '2025' } }, collator).map((r) => r.id),
    ).toEqual(['a', 'c']);
    expect(
      applyState(rows, { ...state, filters: { ...state.filters, sector: 'industry' } }, collator).map((r) => r.id),
    ).toEqual(['b', 'c']);
    expect(
      applyState(rows, { ...state, filters: { ...state.filters, change: 'raised' } }, collator).map((r) => r.id),
    ).toEqual(['a']);
    expect(
      applyState(rows, { ...state, filters: { ...state.filters, town: '511303107' } }, collator).map((r) => r.id),
    ).toEqual(['c']);
    const withContext = [
      ...rows,
      row('d', { place: ['sichuan'], source: ['sichuan-2025'], year: ['2025'], kind: ['target'] }),
    ];
    expect(
      applyState(withContext, { ...state, filters: { ...state.filters, place: 'sichuan' } }, collator).map((r) => r.id),
    ).toEqual(['d']);
    expect(
      applyState(withContext, { ...state, filters: { ...state.filters, source: 'gaoping-2025' } }, collator).map(
        (r) => r.id,
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('searches Chinese by substring, full-width as half-width, case-insensitively, and every word must match', () => {
    const search = (q: string) => applyState(rows, { ...defaultState(), q }, collator).map((r) => r.id);
    expect(search('生产总值')).toEqual(['a']);
    expect(search('６．１％')).toEqual(['a']);
    expect(search('ＧＤＰ')).toEqual(['a']);
    expect(search('INDUSTRIAL 12.9')).toEqual(['b']);
    expect(search('工业 长乐')).toEqual([]);
  });

  it('treats search text as text, never as a pattern', () => {
    const search = (q: string) => applyState(rows, { ...defaultState(), q }, collator).map((r) => r.id);
    expect(search('(a+b)*')).toEqual(['c']);
    expect(search('.*')).toEqual([]);
    expect(search('[')).toEqual([]);
  });

  it('sorts numbers as numbers, empty values last in both directions, and keeps the prerendered order for ties', () => {
    const sorted = (dir: 'asc' | 'desc') =>
      applyState(rows, { ...defaultState(), sort: 'value', dir }, collator).map((r) => r.id);
    expect(sorted('asc')).toEqual(['a', 'b', 'c']);
    expect(sorted('desc')).toEqual(['b', 'a', 'c']);
    expect(applyState(rows, { ...defaultState(), sort: 'kind' }, collator).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts the real table by every column without losing or duplicating a row', () => {
    const names: DisplayNames = { sector: new Map(), town: new Map() };
    const models = exploreRecords(inputs).map((record) => rowModel(record, 'zh', names));
    for (const sort of SORT_COLUMNS) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = applyState(models, { ...defaultState(), sort, dir }, collator).map((r) => r.id);
        expect(new Set(ids).size).toBe(models.length);
      }
    }
  });
});

describe('explorer downloads', () => {
  it('writes CSV with a BOM, CRLF and quoted cells where needed', () => {
    const csv = exploreCsv(
      ['id', 'quote', 'codes'],
      [
        { id: 'x', quote: '他说"好",然后\n换行', codes: ['1', '2'] },
        { id: 'y', quote: null, codes: [] },
      ],
    );
    // The one writer (d3-dsv, as every download) ends every line, quoted ones too, with CRLF.
    expect(csv).toBe('\ufeffid,quote,codes\r\nx,"他说""好"",然后\r\n换行",1|2\r\ny,,\r\n');
  });
});
