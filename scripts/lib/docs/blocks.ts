/**
 * The generators behind `<!-- generated:NAME -->` blocks in README.md, CONTRIBUTING.md, CHANGELOG.md
 * and docs/. Each reads what the site itself reads (the dataset loaders, the copy, the chart registry,
 * the data package's tables, the path helpers), so a new field, column, chart or page reaches the
 * docs by re-running `npm run docs`. Where a generator needs a sentence no module holds (what an npm
 * script is for), it keeps it in one map here and fails naming the key when something new has none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCheckedLedger, loadDataset } from '../../../src/data/load-node';
import { resolveDataset, type Dataset } from '../../../src/data/types';
import { datasetJsonSchema } from '../../../src/data/dataset-schema';
import { EXCLUSION_REASONS } from '../../../src/data/ledger';
import { METRIC_COLUMNS, PROJECT_COLUMNS, RECORD_COLUMNS } from '../../../src/data/rows';
import { EXPLORE_COLUMNS } from '../../../src/explore/records';
import { contentByLang } from '../../../src/content';
import { LANGS, type Lang } from '../../../src/content/types';
import { charts } from '../../../src/charts/registry';
import { loadTopology } from '../../../src/geo/load-node';
import {
  packageTables,
  tablePath,
  excelTablePath,
  type FieldSpec,
  type TableDefinition,
} from '../../../src/publish/datapackage';
import { DATASET_ZIP } from '../../../src/publish/downloads';
import { wholeDatasetFiles } from '../../../src/site/site-pages';
import {
  chartRoutes,
  imageRoutes,
  PAGE_IDS,
  route,
  SCRIPTED_PARTS_FILE,
  WIDE_CHARTS_FILE,
  type PageId,
} from './site-paths';
import { towns } from '../../../src/data/town-projects';
import type { PlacesFile } from '../../../src/geo/types';
import * as budgets from '../budgets';
import { code, table } from './markers';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** The inputs, loaded once per run, as the build loads them (the ledger checked against the report). */
function inputs() {
  const checked = loadCheckedLedger();
  const dataset: Dataset = resolveDataset(checked.raw);
  return { ...checked, dataset, geo: loadTopology() };
}
let cached: ReturnType<typeof inputs> | undefined;
/** The dataset with its context (sources and their stored texts), as the build loads it. */
let cachedWithContext: Dataset | undefined;
const withContext = () => (cachedWithContext ??= loadDataset());
const load = () => (cached ??= inputs());

/** A path of the site as a reader types it, from the same helper the pages use. */
const url = (path: string) => `/${path}`;
const bothLangs = (pathOf: (lang: Lang) => string) => LANGS.map((lang) => code(url(pathOf(lang)))).join(' · ');
const CHART = '<chart-id>';

// ---------------------------------------------------------------------------------------------
// README: what the site is, one line per kind of page, each linking to its doc.

/** What each page is for, and the doc that explains it (relative to the repository root). A new page id without a line here does not compile. */
const PAGE_DOCS: Record<PageId, { what: string; doc: string }> = {
  story: { what: 'the story (scrollytelling)', doc: 'docs/story.md' },
  desk: { what: 'the chart desk: embed codes and options', doc: 'docs/embedding.md' },
  data: { what: 'downloads and field documentation', doc: 'docs/data.md' },
  report: { what: 'the annotated report: every figure in its sentence', doc: 'docs/provenance.md' },
  explore: { what: 'the data explorer: every record, pair and project', doc: 'docs/provenance.md' },
};

/** Files of each chart and the images, beside the pages, in the README's table. */
const FILE_DOCS: Array<{ what: string; path: (lang: Lang) => string; doc: string }> = [
  { what: 'one chart, to embed', path: (lang) => chartRoutes.embed(CHART, lang), doc: 'docs/embedding.md' },
  { what: 'oEmbed response of a chart', path: (lang) => chartRoutes.oembed(CHART, lang), doc: 'docs/embedding.md' },
  {
    what: 'share card, print images, poster',
    path: (lang) => imageRoutes.storyShare(lang),
    doc: 'docs/images-and-links.md',
  },
];

function siteUrls(): string {
  const pages = PAGE_IDS.map((id) => ({ ...PAGE_DOCS[id], path: (lang: Lang) => route(id, lang) }));
  return table(
    ['URL (Chinese · English)', 'what it is', 'doc'],
    [...pages, ...FILE_DOCS].map((page) => [
      bothLangs(page.path),
      page.what,
      `[${page.doc.replace(/^docs\//, '')}](${page.doc})`,
    ]),
  );
}

function summary(): string {
  const { dataset } = load();
  const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025).length;
  return (
    `${dataset.records.length} records (every quantitative statement of the report), ${dataset.metrics.length} metrics ` +
    `(${pairs} pairs of a 2024 result and a 2025 target), ${dataset.projects.length} place-tied projects, ${charts.length} charts; ` +
    `schema ${dataset.schemaVersion}.\n`
  );
}

// ---------------------------------------------------------------------------------------------
// docs/publishing.md: every kind of file in dist/, from the helpers that name them.

function siteFiles(): string {
  const rows: Array<[string, string]> = [
    [bothLangs((lang) => route('story', lang)), 'story pages'],
    [
      bothLangs((lang) => `${route('story', lang)}${WIDE_CHARTS_FILE}`),
      "the story's wide charts, fetched on wide screens only",
    ],
    [
      bothLangs((lang) => `${route('story', lang)}${SCRIPTED_PARTS_FILE}`),
      "what only the story's script uses (a phone's chart groups, the town finder's entries, the figures' quotes), fetched after the first paint",
    ],
    [bothLangs((lang) => route('desk', lang)), 'chart desk'],
    [bothLangs((lang) => chartRoutes.embed(CHART, lang)), 'embed page of each chart, with `chart.svg` beside it'],
    [
      code(url(chartRoutes.csv(CHART))) +
        ', ' +
        code(url(chartRoutes.json(CHART))) +
        ', ' +
        code(url(chartRoutes.metadata(CHART))),
      "each chart's data and metadata (language-free)",
    ],
    [code(url('embed/charts.json')), 'the list of charts with their titles'],
    [code(url('embed/loader.js')), "the embed loader (fixed name: editors' pages load it)"],
    [bothLangs((lang) => chartRoutes.oembed(CHART, lang)), 'oEmbed responses'],
    [bothLangs((lang) => imageRoutes.storyShare(lang)), 'share card of the story'],
    [bothLangs((lang) => imageRoutes.chartShare(CHART, lang)), 'share card of each chart'],
    [bothLangs((lang) => imageRoutes.print(CHART, lang, 'light', 1)) + ' (also `-dark`, `@2x`)', 'print images'],
    [bothLangs((lang) => imageRoutes.poster(lang)), 'the WeChat poster'],
    [bothLangs((lang) => route('data', lang)), 'the data page'],
    [code(url(DATASET_ZIP)) + ', ' + code(url('data/datapackage.json')), 'the dataset as a ZIP and as a Data Package'],
    [
      code(url(`data/${tablePath('<table>')}`)) + ', ' + code(url(`data/${excelTablePath('<table>')}`)),
      "the package's tables (machine copy, Excel copy)",
    ],
    [bothLangs((lang) => route('report', lang)), 'the annotated report'],
    [
      bothLangs((lang) => route('explore', lang)) + ', ' + code(url('data/explore/explore.csv')),
      'the data explorer and its full download',
    ],
    [code(url('404.html')), 'the not-found page (both languages)'],
    [code(url('assets/')), 'scripts and styles with hashed names'],
  ];
  return table(['path (under `SITE_URL`)', 'what'], rows);
}

// ---------------------------------------------------------------------------------------------
// docs/data.md: the analyst's file reference.

function counts(): string {
  const { dataset, coverage, raw } = load();
  const kinds = coverage.recordsByKind;
  const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025);
  const byComparability = new Map<string, number>();
  for (const metric of pairs)
    byComparability.set(String(metric.comparability), (byComparability.get(String(metric.comparability)) ?? 0) + 1);
  const byPlace = new Map<string, number>();
  for (const project of dataset.projects) byPlace.set(project.placeStatus, (byPlace.get(project.placeStatus) ?? 0) + 1);
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => `${n} ${key}`)
      .join(', ');
  const kindList = Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return (
    [
      `- **Records:** ${raw.records.length} (${kindList}).`,
      `- **Ledger:** the report has ${coverage.tokens} numeric tokens, all accounted for: ${coverage.asRecords} as records, ` +
        `${coverage.tokens - coverage.asRecords} excluded with a reason; ${coverage.asRecords} of its ${coverage.quantities} quantities ` +
        `(${(coverage.quantityShare * 100).toFixed(1)}%) are records.`,
      `- **Metrics:** ${dataset.metrics.length}: ${pairs.length} pairs of a 2024 result and a 2025 target (${list(byComparability)}), ` +
        `${dataset.metrics.filter((m) => m.actual2024 && !m.target2025).length} with a 2024 result only, ` +
        `${dataset.metrics.filter((m) => !m.actual2024 && m.target2025).length} with a 2025 target only.`,
      `- **Projects:** ${dataset.projects.length} (${list(byPlace)}).`,
      `- **Artefact places** in the source copy (\`source.notes\`): ${dataset.source.notes.length}.`,
    ].join('\n') + '\n'
  );
}

function exclusionReasons(): string {
  const { coverage } = load();
  return table(
    ['reason', 'tokens', 'still a quantity (counts against coverage)'],
    Object.entries(EXCLUSION_REASONS).map(([reason, quantity]) => [
      code(reason),
      coverage.excluded[reason] ?? 0,
      quantity ? 'yes' : 'no',
    ]),
  );
}

function downloads(): string {
  const text = contentByLang.en.dataPage;
  const { dataset, geo } = load();
  const tables = packageTables(dataset, geo).map((t) => t.name);
  return table(
    ['file', 'what it is'],
    [
      [code(url(DATASET_ZIP)), text.filesZip],
      [code(url('data/datapackage.json')), text.filesPackage],
      [`${code(url(`data/${tablePath('<table>')}`))} for ${tables.map(code).join(', ')}`, text.filesTables],
      [code(url(`data/${excelTablePath('<table>')}`)), text.filesExcel],
      // The same list as /data/'s (one function), so the README cannot name fewer files than the page.
      ...wholeDatasetFiles(withContext(), contentByLang.en).map(([file, label]) => [code(url(`data/${file}`)), label]),
      [`${code(url(chartRoutes.csv(CHART)))}, ${code('data.json')}`, 'the rows one chart shows, with units and quotes'],
      [code(url(chartRoutes.metadata(CHART))), contentByLang.en.share.metadata],
    ],
  );
}

function constraintsOf(spec: FieldSpec): string {
  const parts: string[] = [];
  if (spec.unique) parts.push('unique');
  if (spec.enum) parts.push(`one of ${spec.enum.map((v) => code(String(v))).join(', ')}`);
  if (spec.pattern) parts.push(`pattern ${code(spec.pattern)}`);
  if (spec.minimum !== undefined) parts.push(`≥ ${spec.minimum}`);
  return parts.join('; ');
}

/** One field table per table: the same specs and column notes as datapackage.json. */
export function packageTablesMarkdown(tables: readonly TableDefinition[], docs: Record<string, string>): string {
  return tables
    .map((definition) => {
      const keys = definition.primaryKey.map(code).join(' + ');
      const foreign = (definition.foreignKeys ?? [])
        .map((key) => `${key.fields.map(code).join(', ')} → ${code(key.reference.resource)}`)
        .join('; ');
      return [
        `#### \`${definition.name}\` (${code(url(`data/${tablePath(definition.name)}`))}, ${definition.rows.length} rows)`,
        '',
        `Primary key ${keys}${foreign ? `; foreign keys ${foreign}` : ''}.`,
        '',
        table(
          ['column', 'type', 'required', 'constraints', 'meaning'],
          definition.columns.map((column) => {
            const spec = definition.fields[column]!;
            return [
              code(column),
              spec.type,
              spec.required ? 'yes' : '',
              constraintsOf(spec),
              docs[`${definition.docPrefix ?? ''}${column}`] ?? '',
            ];
          }),
        ),
      ].join('\n');
    })
    .join('\n');
}

function packageTablesBlock(): string {
  const { dataset, geo } = load();
  return packageTablesMarkdown(packageTables(dataset, geo), contentByLang.en.columnDocs);
}

/**
 * Column lists of the flat CSV downloads, in order, with the column notes /data/ shows. The
 * explorer's columns have no notes of their own (the same names mean other things there: `kind`),
 * so they are listed by name only.
 */
function csvColumns(): string {
  const docs = contentByLang.en.columnDocs;
  const files: Array<[string, readonly string[], string | null]> = [
    ['`/data/metrics.csv`, and `data.csv` of every metric chart', METRIC_COLUMNS, ''],
    ['`/data/records.csv`', RECORD_COLUMNS, 'record_'],
    ['`data.csv` of the town map (one row per project and town)', PROJECT_COLUMNS, ''],
    ['`/data/explore/explore.csv` and `explore.json`', EXPLORE_COLUMNS, null],
  ];
  return files
    .map(([file, columns, prefix]) => {
      if (prefix === null)
        return `**${file}**: ${columns.length} columns, in this order: ${columns.map(code).join(', ')}.\n`;
      const rows = columns.map((column) => [code(column), docs[`${prefix}${column}`] ?? '']);
      return `**${file}**: ${columns.length} columns.\n\n${table(['column', 'meaning'], rows)}`;
    })
    .join('\n');
}

type SchemaNode = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  anyOf?: SchemaNode[];
};

/** The field table of data/metrics.json, from its JSON Schema (generated from src/data/dataset-schema.ts). */
export function datasetFieldsMarkdown(jsonSchema: Record<string, unknown>): string {
  const schema = jsonSchema as SchemaNode & { $defs: Record<string, SchemaNode> };
  const rows: string[][] = [];
  const missing: string[] = [];
  const describe = (node: SchemaNode): string => {
    if (node.$ref === '#/$defs/bilingual') return '`{zh, en}`';
    if (node.$ref) return describe({ ...schema.$defs[node.$ref.split('/').pop()!]!, description: undefined });
    if (node.anyOf) return node.anyOf.map(describe).join(' or ');
    if (node.enum) return `one of ${node.enum.map((v) => code(String(v))).join(', ')}`;
    if ('const' in node) return code(String(node.const));
    if (node.type === 'null') return '`null`';
    return [
      node.type,
      node.pattern ? `pattern ${code(String(node.pattern))}` : '',
      node.maxLength ? `≤ ${node.maxLength} characters` : '',
      node.minimum !== undefined ? `≥ ${node.minimum}` : '',
    ]
      .filter(Boolean)
      .join(', ');
  };
  const walk = (node: SchemaNode, path: string, required: boolean) => {
    const target =
      node.$ref && node.$ref !== '#/$defs/bilingual'
        ? { ...schema.$defs[node.$ref.split('/').pop()!]!, ...node, $ref: undefined }
        : node;
    if (target.type === 'object' && target.properties) {
      const needed = new Set((target.required as string[] | undefined) ?? []);
      for (const [key, child] of Object.entries(target.properties))
        walk(child, path ? `${path}.${key}` : key, needed.has(key));
      return;
    }
    if (target.type === 'array' && target.items) return walk(target.items, `${path}[]`, required);
    const meaning = typeof target.description === 'string' ? target.description : undefined;
    if (!meaning) missing.push(path);
    rows.push([code(path), describe(target), required ? 'yes' : '', meaning ?? '']);
  };
  walk(schema, '', true);
  if (missing.length > 0)
    throw new Error(
      `data/metrics.json fields with no description: ${missing.join(', ')}. Describe each in src/data/dataset-schema.ts.`,
    );
  return table(['field', 'type', 'required', 'meaning'], rows);
}

// ---------------------------------------------------------------------------------------------
// docs/geography.md: the towns as the map draws them, and the curated file's own sources.

function townsBlock(): string {
  const features = towns(load().geo);
  const tally = (pick: (town: (typeof features)[number]['properties']) => string) => {
    const counted = new Map<string, number>();
    for (const town of features) counted.set(pick(town.properties), (counted.get(pick(town.properties)) ?? 0) + 1);
    return [...counted].map(([key, n]) => `${n} ${key}`).join(', ');
  };
  const radius = (confidence: string) => {
    const radii = features
      .filter((town) => town.properties.confidence === confidence)
      .map((town) => town.properties.uncertaintyKm);
    return radii.length === 0 ? '' : `${confidence}: ±${Math.min(...radii)}–${Math.max(...radii)} km`;
  };
  const confidences = [...new Set(features.map((town) => town.properties.confidence))].sort();
  return (
    `${features.length} township-level units (${tally((town) => town.kind)}). Seat positions rated ${tally((town) => town.confidence)} ` +
    `(${confidences.map(radius).join('; ')}).\n`
  );
}

function placeSources(): string {
  const places = JSON.parse(read('data/sources/gaoping-places.json')) as PlacesFile;
  return table(
    ['input', 'used for', 'licence'],
    places.sources.map((source) => [source.name, source.use, source.licence]),
  );
}

// ---------------------------------------------------------------------------------------------
// docs/story.md: the charts, from the registry and the copy.

function chartList(): string {
  return table(
    ['id', 'title (en)', 'what it shows (the subtitle)'],
    charts.map((chart) => [
      code(chart.id),
      contentByLang.en.charts[chart.id]?.title ?? '',
      contentByLang.en.charts[chart.id]?.subtitle ?? '',
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// CONTRIBUTING.md and docs/testing.md.

/** What each npm script is for. A script in package.json without a line here stops `npm run docs`. */
const SCRIPT_NOTES: Record<string, string> = {
  dev: 'Vite dev server: every page of the site rendered on request by renderSite (story, embeds, desk, `/data/`, `/report/`, explorer); images come from the build',
  build:
    'validates the inputs, type-checks, then builds the static site into `dist/` (set `SITE_URL` for a release, see docs/publishing.md)',
  preview: 'serves `dist/` locally at http://localhost:4173/, answering unknown paths with `404.html`',
  test: 'the system set-up step, then every test in three groups: unit first, then the checks that read `dist/` beside the browser tests, both on one production build; writes `.vitest-report.json`',
  'build:release':
    'the build for publishing: stops unless `SITE_URL` names a public address, and stops if any output file names a local one (docs/publishing.md)',
  'bench:suite':
    'times `npm ci` and `npm test` on a fresh clone in a temporary folder, N runs (`-- --runs N`), with the load average and the median; never measured inside a test',
  validate:
    'checks a dataset (default `data/metrics.json`) against the schema and the invariants; exits non-zero naming file, record and field',
  factcheck: 'checks the dataset against a copy of the report (default `data/sources/…`) and prints the coverage',
  bench:
    "times the build and every chart's prerender, then measures pages against the budgets (docs/performance.md); minutes, not for every change",
  screenshots: 'after a build: screenshots of the story and every chart at 375 and 1280 px into `test-artifacts/`',
  'build:geo': 'rebuilds `data/gaoping.topojson` from its pinned inputs (docs/geography.md)',
  'test:unit':
    'the unit project alone: no build, no browser; includes the format check, ESLint and knip (`tests/unit/code-tools.test.ts`)',
  'test:update':
    'rewrites the chart snapshots in `tests/snapshots/` after a deliberate change (look at them, then commit)',
  'test:stress': 'the browser suite 10 times beside three CPU-bound processes, as a busy CI machine would run it',
  lint: 'ESLint with the recommended rules of ESLint and typescript-eslint (`eslint.config.js`); `-- --fix` fixes what it can',
  format:
    'rewrites every code file as Prettier formats it (`.prettierrc.json`; `.prettierignore` leaves data, snapshots, fixtures and Markdown alone); two passes, since a long member chain can settle only on the second',
  'format:check': 'lists the files `npm run format` would change, and fails if there are any',
  knip: 'finds unused files, exports and dependencies (`knip.jsonc`)',
  docs: 'rewrites the generated blocks of README.md, CONTRIBUTING.md, CHANGELOG.md and docs/; `-- --check` only reports stale ones',
};

function npmScripts(): string {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  const missing = Object.keys(scripts).filter((name) => !SCRIPT_NOTES[name]);
  if (missing.length > 0)
    throw new Error(
      `package.json scripts with no line in SCRIPT_NOTES (scripts/lib/docs/blocks.ts): ${missing.join(', ')}`,
    );
  return table(
    ['script', 'what it does'],
    Object.keys(scripts).map((name) => [code(`npm run ${name}`), SCRIPT_NOTES[name]!]),
  );
}

/** What runs each folder of tests/ that holds test files; a folder without a line is listed by its name. */
const TEST_FOLDERS: Record<string, string> = {
  unit: 'Node, no build, no browser',
  'dist-checks': 'read the production build, no browser',
  browser: 'Chromium against the production build',
};

function testFiles(): string {
  const testsDir = new URL('tests/', ROOT);
  const folders = readdirSync(testsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((folder) => readdirSync(new URL(`${folder}/`, testsDir)).some((name) => name.endsWith('.test.ts')))
    .sort(
      (a, b) =>
        (Object.keys(TEST_FOLDERS).indexOf(a) + 1 || 99) - (Object.keys(TEST_FOLDERS).indexOf(b) + 1 || 99) ||
        a.localeCompare(b),
    );
  return folders
    .map((folder) => {
      const rows = readdirSync(new URL(`${folder}/`, testsDir))
        .filter((name) => name.endsWith('.test.ts'))
        .sort()
        .map((name) => {
          const text = read(join('tests', folder, name));
          // Top-level describe blocks, describe.each included (its %s placeholder shown as …); the table
          // of describe.each and the title may run over several lines, as Prettier lays out a long call.
          const titles = [...text.matchAll(/^describe(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gm)].map(
            (m) => m[2]!.replace(/\\(.)/g, '$1').replace(/%s/g, '…'),
          );
          return [`[\`${folder}/${name}\`](../tests/${folder}/${name})`, titles.join(' · ')];
        });
      const about = TEST_FOLDERS[folder] ? ` (${TEST_FOLDERS[folder]})` : '';
      return `**tests/${folder}/**${about}:\n\n${table(['file', 'what it checks (its describe blocks)'], rows)}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// docs/performance.md: the budgets, from the constants scripts/bench.ts holds the site to.

function budgetsBlock(): string {
  const lighthouse = '`/`, `/en/`, `/embed/town-map/` (the heaviest embed)';
  return table(
    ['figure', 'pages', 'budget'],
    [
      ['`npm run build`, wall clock', '', `≤ ${budgets.BUILD_LIMIT_S} s`],
      ['share and print images alone (`buildImages`)', '', `≤ ${budgets.IMAGES_LIMIT_S} s`],
      ['prerender of each chart (median, slowest language × width)', '', `≤ ${budgets.PRERENDER_LIMIT_MS} ms`],
      ['Lighthouse performance (median of the rounds)', lighthouse, `≥ ${budgets.PERFORMANCE_FLOOR}`],
      ['Lighthouse accessibility (median of the rounds)', lighthouse, `≥ ${budgets.ACCESSIBILITY_MIN}`],
      [
        'LCP / TBT / CLS (median of the rounds)',
        lighthouse,
        `≤ ${budgets.LCP_LIMIT_MS} ms / ≤ ${budgets.TBT_LIMIT_MS} ms / ≤ ${budgets.CLS_LIMIT}`,
      ],
      ["LCP ÷ the floor's LCP (median of the rounds)", lighthouse, `≤ ${budgets.FLOOR_RATIO_LIMIT}×`],
      ['elements in the initial HTML', lighthouse, `≤ ${budgets.DOM_LIMIT.toLocaleString('en')}`],
      ['initial JS, gzip', 'story pages', `≤ ${budgets.STORY_JS_LIMIT_KB} KB`],
      ['initial JS, gzip', 'embed pages', `≤ ${budgets.EMBED_JS_LIMIT_KB} KB`],
      ['initial JS, gzip', '`/data/`, `/report/`, `/data/explore/`', `≤ ${budgets.SITE_PAGE_JS_LIMIT_KB} KB`],
      [
        'explorer: filter the whole table and re-render it (median)',
        '`/data/explore/`, `/en/data/explore/`',
        `≤ ${budgets.EXPLORE_FILTER_LIMIT_MS} ms`,
      ],
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// CHANGELOG.md

function schemaVersion(): string {
  const { dataset } = load();
  return `Current dataset schema: **${dataset.schemaVersion}** (\`schemaVersion\` in \`data/metrics.json\`; package version ${JSON.parse(read('package.json')).version}).\n`;
}

export const GENERATORS: Record<string, () => string> = {
  summary: summary,
  'site-urls': siteUrls,
  'site-files': siteFiles,
  counts: counts,
  'exclusion-reasons': exclusionReasons,
  downloads: downloads,
  'package-tables': packageTablesBlock,
  'csv-columns': csvColumns,
  'dataset-fields': () => datasetFieldsMarkdown(datasetJsonSchema()),
  charts: chartList,
  towns: townsBlock,
  'place-sources': placeSources,
  budgets: budgetsBlock,
  'npm-scripts': npmScripts,
  'test-files': testFiles,
  'schema-version': schemaVersion,
};
