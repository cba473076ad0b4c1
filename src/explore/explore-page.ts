import type { ChartInputs } from '../charts/types';
import type { StoryContent } from '../content/types';
import { fillTemplate } from '../content/template';
import { formatDigits, formatSignedChange, formatValue } from '../data/format';
import { contentByLang } from '../content';
import { COMPARABILITY_STATES, metricById, pairResult } from '../data/derive';
import { unitEn } from '../data/units';
import { NO_COMMITMENT } from '../data/rows';
import { entryGloss, provenance, provenancePairs, type ProvenanceEntry } from '../data/provenance';
import { SECTORS, type Dataset } from '../data/types';
import { GAOPING_SOURCE_ID, PLACE_NAMES, PLACES, type ContextRecord } from '../data/context';
import { fromContext, requireContext } from '../data/levels';
import { caveatOf, figureText, placeLabel } from '../data/level-format';
import { charts } from '../charts/registry';
import { towns } from '../data/town-projects';
import { h, type Child } from '../dom/html';
import { chartsDrawing, qualifierText } from '../figure/provenance-links';
import { DISTRICT_WIDE, EXPLORE_COLUMNS, rowModel, type DisplayNames, type ExploreRecord } from './records';
import { exploreCsv } from './state';
import { chartRoutes, href, PAGES, route, sourceRoutes } from '../routes/routes';
import { languageSwitch } from '../figure/language-switch';

/** From each language's explorer to the one copy of the full downloads, /data/explore/explore.{csv,json}. */

const words = (list: string[]) => (list.length === 0 ? null : list.join('+'));

/**
 * A bound or commitment cell ("以上", "力争+以上", "none") in the English edition's words (or more,
 * strive for+or more), from the same qualifierNames the English pages use; a word with no English is
 * a build error, so no Chinese word reaches an English column.
 */
function englishWords(cell: string | null, where: string): string | null {
  if (cell === null) return null;
  const names = contentByLang.en.qualifierNames as Record<string, string>;
  return cell
    .split('+')
    .map((word) => {
      if (word === NO_COMMITMENT || word === 'qualitative') return word;
      const name = names[word];
      if (name === undefined)
        throw new Error(`${where}: no English for "${word}" (src/content/en.json qualifierNames)`);
      return name;
    })
    .join('+');
}

function entryRecord(dataset: Dataset, entry: ProvenanceEntry, charts: string[]): ExploreRecord {
  const bound = entry.kind === 'project' ? null : words(entry.bound);
  const commitment = entry.kind === 'project' ? null : (words(entry.commitment) ?? NO_COMMITMENT);
  const where = `record "${entry.id}"`;
  return {
    id: entry.id,
    kind: entry.kind,
    place: 'gaoping',
    source: GAOPING_SOURCE_ID,
    sector: entry.sector,
    year: String(entry.year),
    label_zh: entry.label.zh,
    label_en: entry.label.en,
    value: entry.value ?? null,
    unit: entry.unit ?? null,
    unit_en: entry.unit ? unitEn(entry.unit, `record "${entry.id}"`) : null,
    bound,
    bound_en: englishWords(bound, where),
    commitment,
    commitment_en: englishWords(commitment, where),
    target_value: null,
    target_unit: null,
    target_bound: null,
    target_bound_en: null,
    target_commitment: null,
    target_commitment_en: null,
    change: entry.change,
    change_value: null,
    change_unit: null,
    compared_on: null,
    comparability: entry.comparability,
    town_codes: entry.townCodes,
    quote: entry.quote,
    quote_en: entryGloss(dataset, entry),
    target_quote: null,
    target_quote_en: null,
    sentences: [entry.id],
    charts,
  };
}

/** The Gaoping sector an indicator belongs to: its metric's, or for an aim in words that of the metrics it covers. */
function indicatorSector(dataset: Dataset, indicator: string): string {
  const { indicators } = requireContext(dataset);
  const metricIds = indicators.filter((i) => i.id === indicator || i.aimInWords === indicator).map((i) => i.metric);
  const metric = dataset.metrics.find((m) => metricIds.includes(m.id));
  if (!metric)
    throw new Error(`data/context.json: indicator "${indicator}": no metric of data/metrics.json gives it a sector`);
  return metric.sector;
}

/** Which charts carry a context figure in their data (a row with its id and source): from the registry, no chart id typed. */
function chartsWithFigures(inputs: ChartInputs): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const chart of charts) {
    for (const row of chart.rows(inputs).rows as unknown as Array<Record<string, unknown>>) {
      if (typeof row.source !== 'string') continue;
      const key = `${row.source}/${String(row.id)}`;
      found.set(key, [...new Set([...(found.get(key) ?? []), chart.id])]);
    }
  }
  return found;
}

/**
 * A figure of data/context.json as a row: its label is its place and measure as the document
 * words it ("Sichuan: GDP growth (real, at constant prices)"), so a proxy or a derived figure says
 * so in its name. It has no pair change: Gaoping's pairs are compared, context figures are quoted.
 */
function contextRecord(dataset: Dataset, record: ContextRecord, charts: string[]): ExploreRecord {
  const qualitative = record.value === null;
  return {
    id: record.id,
    kind: record.kind,
    place: record.place,
    source: record.source,
    sector: indicatorSector(dataset, record.indicator),
    year: record.year,
    label_zh: `${PLACE_NAMES[record.place].zh}：${record.measure.zh}`,
    label_en: `${PLACE_NAMES[record.place].en}: ${record.measure.en}`,
    value: record.value,
    unit: qualitative ? null : record.unit,
    unit_en: qualitative ? null : unitEn(record.unit, `data/context.json: record "${record.id}"`),
    bound: record.bound,
    bound_en: englishWords(record.bound, `data/context.json: record "${record.id}"`),
    commitment: words(record.commitment) ?? NO_COMMITMENT,
    commitment_en: englishWords(words(record.commitment) ?? NO_COMMITMENT, `data/context.json: record "${record.id}"`),
    target_value: null,
    target_unit: null,
    target_bound: null,
    target_bound_en: null,
    target_commitment: null,
    target_commitment_en: null,
    change: null,
    change_value: null,
    change_unit: null,
    compared_on: null,
    comparability: null,
    town_codes: [],
    quote: record.quote,
    // Context figures quote other documents; their glosses are not written yet.
    quote_en: null,
    target_quote: null,
    target_quote_en: null,
    sentences: [record.id],
    charts,
  };
}

/**
 * Every record, pair and project, in one list: pairs first (the report's promises), then records,
 * then projects, then the context figures of Nanchong, Sichuan and China (and Gaoping's aims in
 * words) in the order of data/context.json.
 */
export function exploreRecords(inputs: ChartInputs): ExploreRecord[] {
  const entries = provenance(inputs.dataset);
  const drawing = chartsDrawing(inputs, entries);
  const pairs = provenancePairs(entries).map((pair): ExploreRecord => {
    const actual = entryRecord(inputs.dataset, pair.actual, []);
    const target = entryRecord(inputs.dataset, pair.target, []);
    const charts = [...new Set([...(drawing.get(pair.actual.id) ?? []), ...(drawing.get(pair.target.id) ?? [])])];
    // The same result fields as metrics.csv (direction, change and its unit, what was compared).
    const result = pairResult(metricById(inputs.dataset, pair.id));
    return {
      ...actual,
      change_value: result.change,
      change_unit: result.change_unit,
      compared_on: result.compared_on,
      id: pair.id,
      kind: 'pair',
      year: '2024-2025',
      target_value: target.value,
      target_unit: target.unit,
      target_bound: target.bound,
      target_bound_en: target.bound_en,
      target_commitment: target.commitment,
      target_commitment_en: target.commitment_en,
      target_quote: target.quote,
      target_quote_en: target.quote_en,
      sentences: [pair.actual.id, pair.target.id],
      charts,
    };
  });
  const withFigures = chartsWithFigures(inputs);
  const context = requireContext(inputs.dataset).records.map((record) =>
    contextRecord(inputs.dataset, record, withFigures.get(`${record.source}/${record.id}`) ?? []),
  );
  const records = [
    ...pairs,
    ...entries.map((entry) => entryRecord(inputs.dataset, entry, drawing.get(entry.id) ?? [])),
    ...context,
  ];
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id))
      throw new Error(`explorer: two rows share the id "${record.id}" (a pair's metric id equals a record's id)`);
    ids.add(record.id);
  }
  return records;
}

export function exploreDownloads(records: ExploreRecord[], inputs: ChartInputs): { csv: string; json: string } {
  const { source, schemaVersion } = inputs.dataset;
  return {
    csv: exploreCsv(EXPLORE_COLUMNS, records as unknown as Array<Record<string, unknown>>),
    json:
      JSON.stringify(
        { source: source.title, date: source.date, schemaVersion, columns: EXPLORE_COLUMNS, rows: records },
        null,
        2,
      ) + '\n',
  };
}

function displayNames(inputs: ChartInputs, content: StoryContent): DisplayNames {
  const { lang } = content;
  return {
    sector: new Map(SECTORS.map((sector) => [sector, content.sectorNames[sector]])),
    town: new Map([
      ...towns(inputs.geo).map((town): [string, string] => [town.properties.code, town.properties.name[lang]]),
      [DISTRICT_WIDE, content.explore.districtWide],
    ]),
  };
}

/** The explorer page: filters (shown by the script), the whole table prerendered, downloads. */
export function exploreBody(
  document: Document,
  inputs: ChartInputs,
  content: StoryContent,
  records: ExploreRecord[],
): Node[] {
  const { explore: text, lang, chartText, report } = content;
  const names = displayNames(inputs, content);
  const kindName: Record<ExploreRecord['kind'], string> = {
    pair: text.kindPair,
    result: report.kindResult,
    target: report.kindTarget,
    project: report.kindProject,
  };
  const compName: Record<string, string> = chartText.comparabilityNames;
  const changeName: Record<string, string> = {
    raised: chartText.raised,
    held: chartText.held,
    lowered: chartText.lowered,
  };
  const from = route('explore', lang);
  const reportHref = href(from, route('report', lang));
  /** "raised +0.4 pp": the direction, and for a pair the size of the change in its unit. */
  const changeText = (record: ExploreRecord) => {
    const word = changeName[record.change!] ?? '';
    if (record.change_value === null || record.change_unit === null) return word;
    return `${word} ${formatSignedChange(record.change_value, record.change_unit === 'pp' ? '百分点' : '%', lang)}`;
  };
  const value = (v: number | null, unit: string | null, bound: string | null) =>
    v === null || unit === null
      ? ''
      : `${formatValue(v, unit, lang)}${bound && bound !== 'exact' ? (lang === 'zh' ? `（${qualifierText(content, bound.split('+'))}）` : `, ${englishWords(bound, 'explorer value')!.replaceAll('+', ', ')}`) : ''}`;

  const select = (name: string, label: string, options: Array<[string, string]>) =>
    h(
      document,
      'label',
      { class: 'explore-filter' },
      h(document, 'span', {}, label),
      h(
        document,
        'select',
        { name },
        h(document, 'option', { value: '' }, text.all),
        ...options.map(([v, l]) => h(document, 'option', { value: v }, l)),
      ),
    );
  const townOptions: Array<[string, string]> = [
    ...towns(inputs.geo).map((town): [string, string] => [town.properties.code, names.town.get(town.properties.code)!]),
    [DISTRICT_WIDE, text.districtWide],
  ];

  const columns: Array<[string, string]> = [
    ['label', text.colLabel],
    ['kind', text.colKind],
    ['sector', text.colSector],
    ['year', text.colYear],
    ['', text.colValue],
    ['change', text.colChange],
    ['comp', text.colComparability],
    ['town', text.colTown],
    ['quote', text.colQuote],
    ['', text.colLinks],
    ['id', text.colId],
  ];
  const header = h(
    document,
    'tr',
    {},
    ...columns.map(([key, label]) =>
      key
        ? h(
            document,
            'th',
            { scope: 'col', 'data-sort': key },
            h(
              document,
              'button',
              {
                type: 'button',
                class: 'sort-button',
                'data-sort': key,
                'aria-label': fillTemplate(text.sortBy, { column: label }),
              },
              label,
            ),
          )
        : h(document, 'th', { scope: 'col' }, label),
    ),
  );

  const context = requireContext(inputs.dataset);
  // Context figures (and Gaoping's aims in words) are highlighted on their source's own page, not in /report/.
  const contextFigures = new Map(context.records.map((record) => [record.id, fromContext(record)]));
  const sourceTitle = new Map(context.sources.map((source) => [source.id, source.title[lang]]));
  const sentenceLink = (record: ExploreRecord, id: string, i: number): Child => {
    if (contextFigures.has(id)) {
      return h(
        document,
        'a',
        {
          class: 'source-link',
          href: `${href(from, sourceRoutes.page(record.source, lang))}#q-${id}`,
          'data-entry': id,
        },
        sourceTitle.get(record.source) ?? text.source,
      );
    }
    return h(
      document,
      'a',
      { class: 'source-link', href: `${reportHref}#q-${id}`, 'data-entry': id },
      record.sentences.length > 1 ? `${text.source} ${i === 0 ? '2024' : '2025'}` : text.source,
    );
  };
  /** The report's words; in English its gloss first, as the line to read, the Chinese original under it. */
  const quoteCell = (quote: string, gloss: string | null): HTMLElement[] =>
    lang === 'en' && gloss !== null
      ? [
          h(document, 'q', { class: 'quote-gloss' }, gloss),
          h(document, 'q', { class: 'quote-original', lang: 'zh-CN' }, quote),
        ]
      : [h(document, 'q', { lang: 'zh-CN' }, quote)];
  const valueText = (record: ExploreRecord) => {
    const figure = contextFigures.get(record.id);
    if (figure) return figureText(figure, lang, chartText);
    return record.kind === 'pair'
      ? `${value(record.value, record.unit, record.bound)} → ${value(record.target_value, record.target_unit, record.target_bound)}`
      : value(record.value, record.unit, record.bound);
  };
  /** The report's records are 2024 results and 2025 targets; a context figure names its own year (a 2025 result). */
  const kindText = (record: ExploreRecord) => {
    if (!contextFigures.has(record.id)) return kindName[record.kind];
    const kind = record.kind === 'target' ? content.sourcePage.kindTarget : content.sourcePage.kindResult;
    return lang === 'zh' ? `${record.year}年${kind}` : `${record.year} ${kind}`;
  };
  const compText = (record: ExploreRecord) => {
    const figure = contextFigures.get(record.id);
    if (figure) return caveatOf(figure, chartText) ?? chartText.sameMeasure;
    return record.comparability ? (compName[record.comparability] ?? '') : '';
  };

  const row = (record: ExploreRecord) => {
    const model = rowModel(record, lang, names);
    const townText = model.values.town.map((code) => names.town.get(code) ?? code).join(lang === 'zh' ? '、' : ', ');
    const sentenceLinks: Child[] = record.sentences.map((id, i) => sentenceLink(record, id, i));
    const chartLinks: Child[] = record.charts.map((chartId) =>
      h(
        document,
        'a',
        { class: 'chart-link', href: href(from, chartRoutes.embed(chartId, lang)) },
        content.charts[chartId]?.title ?? chartId,
      ),
    );
    return h(
      document,
      'tr',
      {
        id: record.id,
        'data-model': JSON.stringify(model),
        ...(contextFigures.has(record.id) ? { class: 'context-row' } : {}),
      },
      h(document, 'th', { scope: 'row' }, lang === 'zh' ? record.label_zh : record.label_en),
      h(document, 'td', { class: 'kind' }, kindText(record)),
      h(document, 'td', { class: 'sector' }, names.sector.get(record.sector) ?? record.sector),
      h(document, 'td', { class: 'year' }, record.year.replace('-', '–')),
      h(document, 'td', { class: 'num' }, valueText(record)),
      h(
        document,
        'td',
        { class: 'change' },
        record.change ? h(document, 'span', { class: `change-chip change-${record.change}` }, changeText(record)) : '',
      ),
      h(document, 'td', { class: 'comp' }, compText(record)),
      h(document, 'td', { class: 'town' }, townText),
      h(
        document,
        'td',
        { class: 'quote' },
        ...quoteCell(record.quote, record.quote_en),
        ...(record.target_quote ? quoteCell(record.target_quote, record.target_quote_en) : []),
      ),
      h(document, 'td', { class: 'links' }, ...sentenceLinks, ...chartLinks),
      h(document, 'td', { class: 'id' }, record.id),
    );
  };

  return [
    h(
      document,
      'nav',
      { class: 'explore-nav', 'aria-label': text.title },
      h(document, 'a', { href: href(from, route('story', lang)) }, report.storyLink),
      h(document, 'a', { href: reportHref }, text.reportLink),
      h(document, 'a', { href: href(from, route('data', lang)) }, text.dataLink),
      languageSwitch(document, content, PAGES.explore),
    ),
    h(
      document,
      'main',
      { id: 'main', class: 'explore', 'data-lang': lang, 'data-total': records.length },
      h(document, 'h1', {}, text.title),
      h(document, 'p', {}, text.intro),
      h(document, 'noscript', {}, h(document, 'p', { class: 'explore-nojs' }, text.noJs)),
      // Shown from the start (no layout shift when the script arrives); a <noscript> style in the head hides them without it.
      h(
        document,
        'form',
        { class: 'explore-filters', role: 'search', 'aria-label': text.filters },
        select(
          'sector',
          text.sector,
          SECTORS.filter((s) => records.some((r) => r.sector === s)).map((s) => [s, names.sector.get(s)!]),
        ),
        select('year', text.year, [
          ['2024', '2024'],
          ['2025', '2025'],
        ]),
        select(
          'kind',
          text.kind,
          (['pair', 'result', 'target', 'project'] as const).map((k) => [k, kindName[k]]),
        ),
        select('change', text.change, [
          ['raised', chartText.raised],
          ['held', chartText.held],
          ['lowered', chartText.lowered],
        ]),
        select(
          'comp',
          text.comparability,
          COMPARABILITY_STATES.map((state) => [state, chartText.comparabilityNames[state]]),
        ),
        select('town', text.town, townOptions),
        select(
          'place',
          text.place,
          PLACES.filter((place) => records.some((r) => r.place === place)).map((place) => [
            place,
            placeLabel(place, chartText),
          ]),
        ),
        select(
          'source',
          text.document,
          context.sources
            .filter((source) => records.some((r) => r.source === source.id))
            .map((source) => [source.id, source.title[lang]]),
        ),
        h(
          document,
          'label',
          { class: 'explore-search' },
          h(document, 'span', {}, text.search),
          h(document, 'input', { type: 'search', name: 'q', maxlength: 100, autocomplete: 'off' }),
        ),
        h(document, 'button', { type: 'reset', class: 'explore-reset' }, text.reset),
      ),
      h(
        document,
        'p',
        { class: 'explore-status', role: 'status', 'data-template': text.shown },
        fillTemplate(text.shown, {
          shown: formatDigits(records.length, lang),
          total: formatDigits(records.length, lang),
        }),
      ),
      h(
        document,
        'p',
        { class: 'explore-downloads' },
        h(
          document,
          'span',
          { class: 'explore-view-downloads' },
          h(document, 'span', {}, `${text.downloadView}: `),
          h(document, 'button', { type: 'button', 'data-download': 'csv' }, 'CSV'),
          ' ',
          h(document, 'button', { type: 'button', 'data-download': 'json' }, 'JSON'),
          ' · ',
        ),
        h(document, 'span', {}, `${text.downloadAll}: `),
        h(
          document,
          'a',
          { href: href(from, `${PAGES.explore}explore.csv`), download: 'gaoping-2025-explore.csv' },
          'CSV',
        ),
        ' ',
        h(
          document,
          'a',
          { href: href(from, `${PAGES.explore}explore.json`), download: 'gaoping-2025-explore.json' },
          'JSON',
        ),
      ),
      h(document, 'p', { class: 'explore-empty', hidden: true }, text.noRows),
      h(
        document,
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': text.title },
        h(
          document,
          'table',
          { class: 'explore-table' },
          h(document, 'thead', {}, header),
          h(document, 'tbody', {}, ...records.map(row)),
        ),
      ),
    ),
  ];
}

/** Without JavaScript the filters and the view downloads do nothing, so they are not shown. */
export const EXPLORE_NOSCRIPT_CSS = '.explore-filters,.explore-view-downloads{display:none}';
