/**
 * Sources as data, and context records: what Sichuan and China (and Nanchong, where Gaoping's own
 * report lets us derive it) aimed for and achieved on the indicators Gaoping's report sets.
 * data/sources.json is the table of documents; data/context.json the records quoted from them.
 * Both are checked here against their shape (zod) and against each source's stored text; every
 * problem names the file, the record and the field.
 */
import { z } from 'zod';
import type { Bilingual } from '../content/types';
import { BOUNDS, type RawDataset } from './types';
import { quoteStatesValue } from './numbers';
import { occurrences } from './ledger';
import type { DataProblem } from './validate';

export const PLACES = ['gaoping', 'nanchong', 'sichuan', 'china'] as const;
export type Place = (typeof PLACES)[number];
export const LEVELS = ['district', 'city', 'province', 'nation'] as const;
/** The source every record of data/metrics.json comes from: Gaoping's report is the first source. */
export const GAOPING_SOURCE_ID = 'gaoping-2025';

/** How a context figure relates to Gaoping's own measure of the same indicator. */
export const COMPARABILITIES = ['same-measure', 'proxy', 'different-scope'] as const;
export type ContextComparability = (typeof COMPARABILITIES)[number];
/** Growth at constant prices, at current prices, or the text does not say; n/a for rates and levels. */
export const BASES = ['real', 'nominal', 'not-stated', 'not-applicable'] as const;
/** Context documents also cap (不超过) and state aims in words (同步): 'qualitative' has no value. */
export const CONTEXT_BOUNDS = [...BOUNDS, '不超过', 'qualitative'] as const;
export type ContextBound = (typeof CONTEXT_BOUNDS)[number];

const text = z.string().min(1);
const bilingual = z.strictObject({ zh: text, en: text });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

const sourceSchema = z.strictObject({
  id,
  title: bilingual,
  issuer: bilingual,
  level: z.enum(LEVELS),
  place: z.enum(PLACES),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  /** The official address; null where none is known (said in the provenance note). */
  address: z.url().nullable(),
  /** The stored text, a file name under data/sources/. */
  file: z.string().regex(/^[a-z0-9-]+\.(md|txt)$/, 'must be a file name under data/sources/'),
  provenance: z.strictObject({
    repository: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/)
      .nullable(),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .nullable(),
    note: bilingual,
  }),
});

export const sourcesFileSchema = z.strictObject({
  schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  sources: z.array(sourceSchema).min(1),
});

const indicatorSchema = z.strictObject({
  id,
  /** The Gaoping metric this indicator is; null for an aim Gaoping states only in words. */
  metric: id.nullable(),
  label: bilingual.optional(),
  /** Which way is better: decides a plain target's rule and a 左右 band's good side. */
  better: z.enum(['higher', 'lower']),
  /** The indicator whose aim in words (incomes in step with the economy) stands for this one's target. */
  aimInWords: id.optional(),
});

const recordSchema = z.strictObject({
  id,
  source: id,
  place: z.enum(PLACES),
  indicator: id,
  year: z.string().regex(/^\d{4}$/),
  kind: z.enum(['result', 'target']),
  quote: text,
  occurrence: z.number().int().min(1).optional(),
  value: z.number().nullable(),
  unit: text,
  bound: z.enum(CONTEXT_BOUNDS),
  commitment: z.array(text),
  measure: bilingual,
  basis: z.enum(BASES),
  scope: bilingual,
  comparability: z.enum(COMPARABILITIES),
  comparabilityNote: bilingual.optional(),
  /** A figure computed from other records of data/metrics.json (Nanchong's 2024 growth). */
  derived: z.strictObject({ from: z.tuple([id, id]), operation: z.literal('difference') }).optional(),
  /** The words of a qualitative aim (同步, 基本同步); must be in the quote. */
  statement: text.optional(),
  /** A qualitative result as the text states it; judged only where the text says so. */
  outcome: z.enum(['met', 'not-met']).optional(),
});

export const contextFileSchema = z.strictObject({
  schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  indicators: z.array(indicatorSchema).min(1),
  records: z.array(recordSchema),
});

export type SourceEntry = z.infer<typeof sourceSchema>;
export type ContextIndicator = z.infer<typeof indicatorSchema>;
export type ContextRecord = z.infer<typeof recordSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type ContextFile = z.infer<typeof contextFileSchema>;

/** Sources, indicators and records, checked: what the dataset carries beside Gaoping's metrics. */
export interface ContextSet {
  sources: SourceEntry[];
  indicators: ContextIndicator[];
  records: ContextRecord[];
}

export interface ContextFiles {
  sources: string;
  context: string;
  /** Where the stored texts are, for messages: data/sources/. */
  sourceDir: string;
}

function schemaProblems(doc: unknown, schema: z.ZodType, file: string, array: string, noun: string): DataProblem[] {
  const result = schema.safeParse(doc);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path.map(String);
    const items = (doc as Record<string, unknown> | null)?.[array];
    const item =
      head === array && Array.isArray(items) ? (items[Number(index)] as { id?: unknown } | undefined) : undefined;
    const record =
      head === array && index !== undefined
        ? typeof item?.id === 'string' && item.id
          ? `${noun} "${item.id}"`
          : `${array}[${index}]`
        : 'document';
    const field = head === array && index !== undefined ? rest.join('.') : issue.path.join('.');
    return { file, record, field: field || '(record)', message: issue.message };
  });
}

/** Shape and table problems of data/sources.json: ids unique, Gaoping's report first. */
export function findSourceProblems(doc: unknown, file: string): DataProblem[] {
  const shape = schemaProblems(doc, sourcesFileSchema, file, 'sources', 'source');
  if (shape.length > 0) return shape;
  const { sources } = doc as SourcesFile;
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.id))
      problems.push({ file, record: `source "${source.id}"`, field: 'id', message: 'duplicate id' });
    seen.add(source.id);
  }
  if (sources[0]?.id !== GAOPING_SOURCE_ID)
    problems.push({
      file,
      record: 'document',
      field: 'sources',
      message: `the first source must be Gaoping's report, "${GAOPING_SOURCE_ID}"`,
    });
  return problems;
}

/**
 * Every problem of data/context.json against the sources table, the stored texts (by source id;
 * undefined when the file is missing) and Gaoping's dataset.
 */
export function findContextProblems(
  doc: unknown,
  sources: SourceEntry[],
  texts: Map<string, string | undefined>,
  gaoping: RawDataset,
  files: ContextFiles,
): DataProblem[] {
  const file = files.context;
  const shape = schemaProblems(doc, contextFileSchema, file, 'records', 'record');
  if (shape.length > 0) return shape;
  const context = doc as ContextFile;
  const problems: DataProblem[] = [];
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const indicators = new Map(context.indicators.map((i) => [i.id, i]));
  const metrics = new Set(gaoping.metrics.map((m) => m.id));
  const gaopingRecords = new Map(gaoping.records.map((r) => [r.id, r]));
  for (const indicator of context.indicators) {
    const add = (field: string, message: string) =>
      problems.push({ file, record: `indicator "${indicator.id}"`, field, message });
    if (indicator.metric !== null && !metrics.has(indicator.metric))
      add('metric', `names metric "${indicator.metric}", which is not in data/metrics.json`);
    if (indicator.metric === null && !indicator.label)
      add('label', 'an indicator without a Gaoping metric needs its own label');
    if (indicator.aimInWords !== undefined && !indicators.has(indicator.aimInWords))
      add('aimInWords', `names indicator "${indicator.aimInWords}", which is not in indicators[]`);
  }
  const seen = new Set<string>();
  const cells = new Set<string>();
  for (const record of context.records) {
    const add = (field: string, message: string) =>
      problems.push({ file, record: `record "${record.id}"`, field, message });
    if (seen.has(record.id) || gaopingRecords.has(record.id))
      add('id', 'duplicate id (ids are shared with data/metrics.json)');
    seen.add(record.id);
    const cell = `${record.place}|${record.indicator}|${record.year}|${record.kind}`;
    if (cells.has(cell))
      add('kind', `a second ${record.kind} for ${record.place}, ${record.indicator}, ${record.year}`);
    cells.add(cell);
    if (!indicators.has(record.indicator))
      add('indicator', `names indicator "${record.indicator}", which is not in indicators[]`);
    const source = bySource.get(record.source);
    if (!source) {
      add('source', `names source "${record.source}", which is not in ${files.sources}`);
      continue;
    }
    const body = texts.get(source.id);
    if (body === undefined) {
      add('source', `the text of source "${source.id}" is missing: ${files.sourceDir}${source.file}`);
      continue;
    }
    checkQuote(record, body, `${files.sourceDir}${source.file}`, add);
    checkValue(record, gaopingRecords, add);
    if (record.comparability !== 'same-measure' && !record.comparabilityNote)
      add('comparabilityNote', `a ${record.comparability} figure needs a note saying what differs`);
    if (record.kind === 'result' && record.commitment.length > 0)
      add('commitment', 'a result carries no commitment word');
    if (record.outcome !== undefined && (record.kind !== 'result' || record.bound !== 'qualitative'))
      add('outcome', 'only a qualitative result states an outcome');
  }
  return problems;
}

function checkQuote(
  record: ContextRecord,
  body: string,
  path: string,
  add: (field: string, message: string) => void,
): void {
  const found = occurrences(body, record.quote);
  if (found.length === 0) add('quote', `not found verbatim in ${path}: "${record.quote}"`);
  else if (record.occurrence === undefined && found.length > 1)
    add('occurrence', `the quote occurs ${found.length} times in ${path}; lengthen it or give "occurrence"`);
  else if (record.occurrence !== undefined && record.occurrence > found.length)
    add('occurrence', `the quote occurs only ${found.length} times in ${path}`);
}

const FOOTNOTE_MARKER = /\[\d+\]/g;

function checkValue(
  record: ContextRecord,
  gaopingRecords: Map<string, { value: number }>,
  add: (field: string, message: string) => void,
): void {
  if (record.bound === 'qualitative') {
    if (record.value !== null) add('value', 'a qualitative record has no value (null)');
    if (!record.statement) add('statement', 'a qualitative record names its words (同步…) in "statement"');
    else if (!record.quote.includes(record.statement))
      add('statement', `the quote does not contain "${record.statement}"`);
    return;
  }
  if (record.value === null) {
    add('value', 'only a qualitative record may have no value');
    return;
  }
  if (record.derived) {
    const [from, minus] = record.derived.from.map((ref) => gaopingRecords.get(ref));
    if (!from || !minus) {
      add('derived', `names a record not in data/metrics.json: ${record.derived.from.join(', ')}`);
      return;
    }
    const expected = Number((from.value - minus.value).toFixed(6));
    if (expected !== record.value)
      add('value', `derived value must be ${expected} (${record.derived.from.join(' − ')})`);
    return;
  }
  // The bulletins put footnote markers between the verb and the number (下降[43]3.9%): read past them.
  if (!quoteStatesValue(record.quote.replace(FOOTNOTE_MARKER, ''), record.value)) {
    add(
      'value',
      `quote does not contain the value ${record.value}` +
        (record.value < 0 ? ' worded as a fall (下降…)' : '') +
        `: "${record.quote}"`,
    );
  }
}

/** A place's name, for tables and downloads. */
export const PLACE_NAMES: Record<Place, Bilingual> = {
  gaoping: { zh: '高坪区', en: 'Gaoping' },
  nanchong: { zh: '南充市', en: 'Nanchong' },
  sichuan: { zh: '四川省', en: 'Sichuan' },
  china: { zh: '全国', en: 'China' },
};
