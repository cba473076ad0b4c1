import { z } from 'zod';

/**
 * The shape of the copy files (src/content/zh.json, en.json). This schema is the one source of
 * the copy's types: a key missing from both languages fails the build here, instead of
 * rendering as "undefined".
 */
const text = z.string().min(1);

/** A group of strings, each required and non-empty; unknown keys are errors (typos do not pass). */
function strings<const K extends readonly string[]>(keys: K) {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as { [P in K[number]]: typeof text });
}

/**
 * The name of each comparability state (src/data/derive.ts, ComparabilityState), one vocabulary for
 * cards, the explorer, tags and tables; derive.ts checks at compile time that the keys match.
 */
const comparabilityNamesSchema = strings(['comparable', 'not-comparable', 'different-scope', 'scope-unclear', 'single-year'] as const);

export const chartTextSchema = strings([
  'actual2024', 'target2025', 'raised', 'held', 'lowered', 'noteSeparator', 'source',
  'pairSentence', 'changeSentence', 'notComparableSentence', 'differentScopeSentence', 'scopeUnclearSentence', 'heldSentence', 'floorsNote',
  'listSeparator', 'sentenceEnd',
  'columnMetric', 'columnActual', 'columnTarget', 'columnChange', 'columnShift', 'columnNote',
  'fdiAnnotation',
  'tallyGrowth', 'tallyShares', 'tallyVolumes', 'tallyLine', 'tallyCount', 'tallyJoin',
  'mapTownName', 'mapProjectsLegend', 'mapUncertaintyLegend', 'mapAttribution', 'mapKilometres',
  'mapDescription', 'mapTownSummary', 'mapDistrictWide', 'mapUnlocated', 'mapAreaSuffix', 'mapAreaSummary',
  'columnTown', 'columnKind', 'columnResults', 'columnPlans', 'columnAreaProjects', 'columnUncertainty',
  // Gaoping beside Sichuan and China (issue 19): places, gaps and caveats the context chart names.
  'placeGaoping', 'placeNanchong', 'placeSichuan', 'placeChina', 'noTargetSet', 'notInSources', 'proxyNotCompared',
  'differentScopeNotCompared', 'derived', 'inStep', 'basicallyInStep', 'columnPlace', 'columnResult2025', 'columnComparability',
  'sameMeasure', 'itemSeparator', 'levelsSentence', 'levelsNotDrawn', 'levelsSource', 'levelsMeasureNote', 'qualitativeTarget',
] as const).extend({ comparabilityNames: comparabilityNamesSchema });

const pageTextSchema = strings([
  'skipToContent', 'showAllCharts', 'scrollingStory', 'dataTable', 'description', 'languageSwitch',
  'downloadData', 'stepLabel', 'mapPanelClose', 'mapResults', 'mapPlans',
  'mapPosition', 'mapMergedFrom', 'mapNoProjects', 'confidenceLow', 'confidenceMedium',
  'embedDataCsv', 'embedDataJson', 'embedSvg', 'sourceLink', 'sourceColumn', 'dataTableLink',
  'mapAreaNote', 'mapAreaHeading', 'skipChart', 'figureSourceLabel', 'figureSourceReport', 'figureSourceContext',
  'embedSource', 'embedGetData', 'embedDownloadImage', 'embedTabChart', 'embedTabTable', 'embedTabs',
] as const);

/** The annotated report (/report/). */
const reportTextSchema = strings([
  'title', 'intro', 'introNoJs', 'contents', 'recordsInBlock', 'recordLabel', 'value', 'year', 'kind', 'bound',
  'commitment', 'pairedWith', 'comparability', 'charts', 'chartsNone',
  'inStory', 'asEmbed', 'backToText', 'inExplorer', 'kindResult', 'kindTarget', 'kindProject', 'boundExact', 'none',
  'artefact', 'artefactIntro', 'towns', 'note', 'close', 'storyLink', 'exploreLink', 'dataLink', 'glossaryRef', 'changeLabel',
] as const);

/** The explorer (/data/explore/). */
const exploreTextSchema = strings([
  'title', 'intro', 'filters', 'sector', 'year', 'kind', 'change', 'comparability', 'town', 'search', 'all', 'reset',
  'shown', 'downloadView', 'downloadAll', 'colId', 'colKind', 'colSector', 'colYear', 'colLabel', 'colValue',
  'colChange', 'colComparability', 'colTown', 'colQuote', 'colLinks', 'kindPair', 'sortBy', 'noRows', 'reportLink',
  'dataLink', 'source', 'districtWide', 'noJs', 'place', 'document',
] as const);

/** The report's hedges, named for readers: bounds (以上…) and commitments (力争…); 'exact' for a bare number. */
/** Every bound and commitment word of src/data/types.ts (BOUNDS, COMMITMENTS); a unit test keeps them equal. */
const qualifierNamesSchema = strings(['exact', '以上', '以内', '左右', '突破', '超过', '超', '稳超', '余', '确保', '力争', '争创', '稳定在', '保持在', '控制在'] as const);

const sectorNamesSchema = strings(['headline', 'industry', 'services', 'agriculture', 'innovation', 'investment-trade', 'urban-rural', 'environment', 'livelihoods', 'governance'] as const);

const deskTextSchema = strings([
  'title', 'intro', 'language', 'theme', 'themeLight', 'themeDark', 'themeAuto', 'titleBlock',
  'titleOn', 'titleOff', 'embedCode', 'copy', 'copied', 'preview', 'open', 'manifest', 'dataPage',
  'storyLink', 'copyFallback',
  'device', 'devicePhone', 'deviceTablet', 'deviceFull', 'maxWidth', 'maxWidthNone', 'display', 'plain', 'transparent',
  'extras', 'extraPrint', 'extraCite', 'extraLanguage', 'dataFiles',
] as const);

const dataPageTextSchema = strings([
  'title', 'intro', 'downloads', 'filesJson', 'filesCsv', 'filesRecordsCsv', 'filesExclusions', 'filesSchema', 'filesTopo', 'fields',
  'recordsField', 'columns', 'recordColumns', 'projectColumns', 'source', 'licences', 'version', 'artefact',
  'columnName', 'columnMeaning',
  'filesPackage', 'filesTables', 'filesExcel', 'filesZip', 'backToStory', 'embedDesk',
  'primaryNote', 'columnDictionary', 'tableName', 'tableRows', 'tablePrimary', 'tableExcel', 'wholeDataset', 'earlierAddresses', 'filesExplore',
  'filesContextCsv', 'filesSourcesCsv', 'filesContextJson', 'filesSourcesJson', 'filesExploreJson', 'filesSourceText',
] as const).extend({ licenceLines: z.array(text).min(1), tableNotes: z.record(z.string(), text) });

/** Share images, the WeChat poster and print-image links. */
export const shareTextSchema = strings([
  'projectName', 'credit', 'posterFindingsHeading', 'posterKpiHeading', 'posterScan', 'posterLink',
  'printImages', 'printLight', 'printDark', 'shareImage',
  'copyLink', 'linkCopied', 'linkCopyFallback', 'metadata', 'printImagesNote', 'previewBanner', 'previewLabel',
  'storyFinding', 'cardPairs', 'cardSingle', 'cardAbove', 'cardBelow', 'cardTowns', 'cardLevels', 'cardCount', 'cardTownCount',
] as const).extend({
  /** Sentences with {count.*} / {metric.field} placeholders, filled from the dataset. */
  posterFindings: z.array(text).min(1),
});

/** The "cite this" box and the dataset's licence. */
export const citeTextSchema = strings([
  'heading', 'copy', 'copied', 'copyFallback',
  /** Who issued the report; the citation credits it first. */
  'reportAuthor',
  /** {reportAuthor} {reportTitle} {reportDate} {reportVenue} {projectName} {version} {released} {url} {licence} */
  'template',
  'licenceHeading', 'licenceScope',
] as const).extend({ licenceExcludes: z.array(text).min(1) });

/** The story's closing credits: byline, date, version, the source report, links. Placeholders filled in code. */
export const creditsTextSchema = strings([
  'heading', 'byline', 'published', 'source', 'dataLink', 'embedLink', 'posterLink',
] as const).extend({ credits: z.array(text).min(1) });

const stepSchema = z.strictObject({
  chart: text,
  /** Metric ids, town codes or @raised/@held/@lowered to highlight; absent shows the chart plain. */
  focus: z.array(text).optional(),
  text,
});

const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hero'), kicker: text, title: text, dek: text, byline: text }),
  z.strictObject({ type: z.literal('kpis'), heading: text, items: z.array(z.strictObject({ value: text, caption: text })).min(1) }),
  z.strictObject({ type: z.literal('text'), heading: text.optional(), paragraphs: z.array(text).min(1) }),
  z.strictObject({ type: z.literal('scrolly'), id: z.string().regex(/^[a-z0-9-]+$/), heading: text, steps: z.array(stepSchema).min(1) }),
  z.strictObject({ type: z.literal('chart'), chart: text, text: text.optional() }),
  z.strictObject({ type: z.literal('caveats'), heading: text, intro: text }),
  /** "Find your township": a select, the map zoomed to the town and its one card; the full list is on the map's page. */
  z.strictObject({
    type: z.literal('townFinder'), heading: text, intro: text, label: text, choose: text, otherGroup: text,
    /** The full list (the map embed's, and the story's cards' source): its heading and intro. */
    listHeading: text, listIntro: text,
    /** Links to the full list and the explorer; {name}: the chosen town, in the card's explorer link. */
    fullList: text, explorer: text, inExplorer: text,
  }),
  z.strictObject({ type: z.literal('methods'), heading: text, paragraphs: z.array(text).min(1) }),
  /** Gaoping beside Sichuan and China (issue 19): the chart, findings generated from the data, the scorecard. */
  z.strictObject({
    type: z.literal('levels'), id: z.string().regex(/^[a-z0-9-]+$/), chart: text, heading: text, intro: text,
    /** Finding templates, filled from the data: {indicator} {gaoping} {sichuan} {china} {result} {indicators}. */
    findings: strings(['aboveBoth', 'sameAsBoth', 'aboveSichuanOnly', 'noTargetAbove', 'fellAbove']),
    /** The scorecard's rule; {points} {share} are filled from the rule's own constants. */
    scorecardHeading: text, scorecardIntro: text,
    /** One line for a place with targets but no 2025 results in our sources: {place} {count}. */
    pendingLine: text,
    scorecardColumns: strings(['indicator', 'target', 'result', 'verdict']),
    verdicts: strings(['met', 'not-met', 'no-result']),
  }),
]);

/** A source document's annotated page (/sources/<id>/). */
const sourcePageTextSchema = strings([
  'backToStory', 'reportLink', 'issuer', 'date', 'address', 'noAddress', 'storedCopy', 'provenance', 'quoted',
  'quoteLabel', 'kindResult', 'kindTarget', 'description',
] as const);

export const storyContentSchema = z.strictObject({
  lang: z.enum(['zh', 'en']),
  meta: z.strictObject({ title: text, description: text }),
  page: pageTextSchema,
  chartText: chartTextSchema,
  charts: z.record(z.string(), z.strictObject({ title: text, subtitle: text })),
  blocks: z.array(blockSchema).min(1),
  desk: deskTextSchema,
  dataPage: dataPageTextSchema,
  /** One line per CSV column, keyed by column name. */
  columnDocs: z.record(z.string(), text),
  notFound: z.strictObject({ title: text, text, home: text }),
  report: reportTextSchema,
  explore: exploreTextSchema,
  sectorNames: sectorNamesSchema,
  qualifierNames: qualifierNamesSchema,
  share: shareTextSchema,
  cite: citeTextSchema,
  credits: creditsTextSchema,
  sourcePage: sourcePageTextSchema,
});
