import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { datasetJsonSchema } from './dataset-schema';
import type { Dataset, RawDataset } from './types';
import { resolveDataset, FLOOR_BOUNDS } from './types';
import { quoteStatesValue, writtenStatesValue } from './numbers';
import { missingGlossaryTerms } from './glossary';
import { GLOSS_VALUE, formatValue } from './format';

export interface DataProblem {
  file: string;
  /** The metric id, or metrics[i] when the id itself is missing or malformed. */
  record: string;
  field: string;
  message: string;
}

export function formatProblem(problem: DataProblem): string {
  return `${problem.file}: ${problem.record}: field "${problem.field}": ${problem.message}`;
}

export class DatasetError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(
      `Invalid inputs (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.name = 'DatasetError';
  }
}

/** The token that a copy-paste artefact put into the report; it must never reach a reader. */
const ARTEFACT_TOKEN = '亚洲通';

const ajv = new Ajv2020({ allErrors: true, strict: true });
// The schema from the one declaration of the file's shape (data/metrics.schema.json is the same, written out).
const schemaCheck = ajv.compile(datasetJsonSchema());

const ARRAY_NAMES: Record<string, string> = { metrics: 'metric', projects: 'project', records: 'record' };

function itemName(doc: unknown, array: string, index: number): string {
  const items = (doc as Record<string, unknown> | null)?.[array];
  const item = Array.isArray(items) ? items[index] : undefined;
  const id = (item as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? `${ARRAY_NAMES[array]} "${id}"` : `${array}[${index}]`;
}

function fromSchemaError(doc: unknown, file: string, error: ErrorObject): DataProblem {
  const parts = error.instancePath.split('/').slice(1);
  let record = 'document';
  let fieldParts = parts;
  if (parts[0] !== undefined && parts[0] in ARRAY_NAMES && parts[1] !== undefined) {
    record = itemName(doc, parts[0], Number(parts[1]));
    fieldParts = parts.slice(2);
  } else if (parts[0] === 'source') {
    record = 'source';
    fieldParts = parts.slice(1);
  }
  if (error.keyword === 'required') fieldParts = [...fieldParts, String(error.params.missingProperty)];
  if (error.keyword === 'additionalProperties') fieldParts = [...fieldParts, String(error.params.additionalProperty)];
  const field = fieldParts.join('.') || '(record)';
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') message = `${message}: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return { file, record, field, message };
}

/** anyOf errors repeat each branch's complaint (a nullable field: the value's, then null's); keep the most specific one per field. */
function dedupe(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  const specific = problems.filter(
    (p) =>
      !/must match a schema in anyOf|must be null/.test(p.message) ||
      !problems.some((q) => q !== p && q.record === p.record && q.field.startsWith(p.field)),
  );
  return specific.filter((p) => {
    const key = `${p.record}|${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An English gloss of a quote states its figure once, as `{value}` (filled from the record, so no
 * number is typed twice), and uses the glossary's official term for each term of the quote.
 */
function glossProblems(quote: string, gloss: string, figure: string, unit: string): string[] {
  const problems: string[] = [];
  const placeholders = gloss.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.length !== 1 || placeholders[0] !== GLOSS_VALUE)
    problems.push(`the gloss names its figure once, as ${GLOSS_VALUE}: "${gloss}"`);
  if (/[0-9０-９]/.test(gloss.replaceAll(GLOSS_VALUE, '')))
    problems.push(`the gloss types a number; write ${GLOSS_VALUE} for the figure: "${gloss}"`);
  // The terms are read as the reader sees the gloss. The figure's unit is the formatter's to word
  // (百分点 is "1 percentage point" or "34.7 percentage points"), so its term is not asked of the gloss.
  const missing = missingGlossaryTerms({ zh: quote, en: gloss.replace(GLOSS_VALUE, () => figure) }).filter(
    (term) => !term.zh.includes(unit),
  );
  for (const term of missing)
    problems.push(
      `the gloss lacks the official term "${term.en}" for ${term.zh.join('/')} (src/content/glossary.json)`,
    );
  return problems;
}

function recordProblems(doc: RawDataset, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const record of doc.records) {
    const add = (field: string, message: string) =>
      problems.push({ file, record: `record "${record.id}"`, field, message });
    if (seen.has(record.id)) add('id', 'duplicate id');
    seen.add(record.id);
    const states =
      record.written !== undefined
        ? record.quote.includes(record.written) && writtenStatesValue(record.written, record.value, record.unit)
        : quoteStatesValue(record.quote, record.value);
    if (!states) {
      add(
        'value',
        `quote does not contain the value ${record.written ?? record.value}` +
          (record.value < 0 ? ' worded as a fall (下降…)' : '') +
          `: "${record.quote}"`,
      );
    }
    if (record.quote.includes(ARTEFACT_TOKEN))
      add('quote', `quote runs through the artefact ${ARTEFACT_TOKEN}; quote around it`);
    if (record.quoteEn !== undefined)
      for (const message of glossProblems(
        record.quote,
        record.quoteEn,
        formatValue(record.value, record.unit, 'en', undefined, true),
        record.unit,
      ))
        add('quoteEn', message);
    if (record.kind === 'target' && record.year !== '2025') add('kind', 'a target is a 2025 record');
    if (record.kind === 'result' && record.commitment.length > 0)
      add('commitment', 'a 2024 result carries no commitment word');
    for (const lang of ['zh', 'en'] as const) {
      if (record.measure[lang].includes(ARTEFACT_TOKEN))
        add(`measure.${lang}`, `measure contains the artefact ${ARTEFACT_TOKEN}`);
    }
  }
  return problems;
}

function metricProblems(doc: RawDataset, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const records = new Map(doc.records.map((r) => [r.id, r]));
  doc.metrics.forEach((metric, index) => {
    const add = (field: string, message: string) =>
      problems.push({ file, record: `metric "${metric.id}"`, field, message });
    if (seen.has(metric.id)) add('id', `duplicate id (also metrics[${seen.get(metric.id)}])`);
    else seen.set(metric.id, index);
    for (const [key, year] of [
      ['actual2024', '2024'],
      ['target2025', '2025'],
    ] as const) {
      const id = metric[key];
      if (id === null) continue;
      const record = records.get(id);
      if (!record) {
        add(key, `names record "${id}", which is not in records[]`);
        continue;
      }
      if (record.year !== year) add(key, `record "${id}" is for ${record.year}, not ${year}`);
      if (key === 'target2025' && record.kind !== 'target')
        add(key, `record "${id}" is a ${record.kind}, not a target`);
    }
    const both = metric.actual2024 !== null && metric.target2025 !== null;
    if (both && metric.comparability === null)
      add(
        'comparability',
        'must be comparable, not-comparable, different-scope or scope-unclear when both years are given',
      );
    if (!both && metric.comparability !== null) add('comparability', 'must be null when only one year is given');
    if (metric.comparability === 'not-comparable' && !metric.note)
      add('note', 'a not-comparable pair needs a note saying why');
    if (metric.comparability === 'different-scope' && !metric.note)
      add('note', 'a different-scope pair needs a caveat to show beside the figure');
    if (metric.comparability === 'scope-unclear' && !metric.note)
      add('note', 'a scope-unclear pair needs a note saying what the report leaves open');
    if (metric.comparability === 'comparable' && both) {
      const actual = records.get(metric.actual2024!);
      const target = records.get(metric.target2025!);
      if (
        actual &&
        target &&
        FLOOR_BOUNDS.includes(actual.bound) &&
        !FLOOR_BOUNDS.includes(target.bound) &&
        target.bound !== 'exact'
      ) {
        add(
          'comparability',
          `the 2024 value is a floor (${actual.bound}) and the 2025 target is "${target.bound}": they cannot be compared`,
        );
      }
    }
    for (const lang of ['zh', 'en'] as const) {
      if (metric.label[lang].includes(ARTEFACT_TOKEN))
        add(`label.${lang}`, `label contains the artefact ${ARTEFACT_TOKEN}`);
      if (metric.note?.[lang].includes(ARTEFACT_TOKEN))
        add(`note.${lang}`, `note contains the artefact ${ARTEFACT_TOKEN}`);
    }
    for (const term of missingGlossaryTerms(metric.label)) add('label.en', glossaryMessage(term));
  });
  return problems;
}

function glossaryMessage(term: { zh: string[]; en: string; short?: string }): string {
  return (
    `the Chinese label uses ${term.zh.join('/')}; the English label must say "${term.en}"` +
    (term.short ? ` (or "${term.short}")` : '') +
    ' (src/content/glossary.json)'
  );
}

function semanticProblems(doc: RawDataset, file: string): DataProblem[] {
  return [...recordProblems(doc, file), ...metricProblems(doc, file), ...projectProblems(doc, file)];
}

/**
 * A project's gloss has no figure to fill: any number in it is one its Chinese quote writes in digits
 * (G318, 68个), so none is typed that the report does not print; and it uses the glossary's terms.
 */
function projectGlossProblems(quote: string, gloss: string): string[] {
  const problems: string[] = [];
  const quoteNumbers = new Set(quote.match(/[0-9]+(?:\.[0-9]+)?/g) ?? []);
  for (const number of gloss.match(/[0-9０-９]+(?:\.[0-9]+)?/g) ?? [])
    if (!quoteNumbers.has(number)) problems.push(`the gloss types ${number}, which the quote does not: "${gloss}"`);
  for (const term of missingGlossaryTerms({ zh: quote, en: gloss }))
    problems.push(
      `the gloss lacks the official term "${term.en}" for ${term.zh.join('/')} (src/content/glossary.json)`,
    );
  return problems;
}

function projectProblems(doc: RawDataset, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const project of doc.projects) {
    const add = (field: string, message: string) =>
      problems.push({ file, record: `project "${project.id}"`, field, message });
    if (seen.has(project.id)) add('id', 'duplicate id');
    seen.add(project.id);
    for (const name of project.placeNames)
      if (!project.quote.includes(name)) add('placeNames', `quote does not contain the place name ${name}`);
    if (project.quote.includes(ARTEFACT_TOKEN))
      add('quote', `quote runs through the artefact ${ARTEFACT_TOKEN}; quote around it`);
    if ((project.placeStatus === 'located') !== project.codes.length > 0)
      add('codes', 'must be non-empty exactly when placeStatus is "located"');
    if ((project.placeStatus === 'unlocated') !== (project.unlocatedName !== undefined))
      add('unlocatedName', 'required exactly when placeStatus is "unlocated"');
    if (project.unlocatedName !== undefined && !project.quote.includes(project.unlocatedName))
      add('unlocatedName', `quote does not contain "${project.unlocatedName}"`);
    for (const term of missingGlossaryTerms(project.label)) add('label.en', glossaryMessage(term));
    if (project.quoteEn !== undefined)
      for (const message of projectGlossProblems(project.quote, project.quoteEn)) add('quoteEn', message);
    if (project.placeStatus !== 'located' && !project.placeNote)
      add('placeNote', `a ${project.placeStatus} project needs a note saying why no town is given`);
  }
  return problems;
}

/**
 * Cross-file invariant: every project's town code is a town in the map data. Kept apart from
 * findProblems because it needs the TopoJSON; the build and the tests run both.
 */
export function findPlaceProblems(
  doc: Dataset,
  file: string,
  townCodes: Set<string>,
  topologyFile: string,
): DataProblem[] {
  return doc.projects.flatMap((project) =>
    project.codes
      .filter((code) => !townCodes.has(code))
      .map((code) => ({
        file,
        record: `project "${project.id}"`,
        field: 'codes',
        message: `town code ${code} is not a town in ${topologyFile}`,
      })),
  );
}

/** Every problem in a parsed dataset; an empty list means it is safe to build on. */
export function findProblems(doc: unknown, file: string): DataProblem[] {
  if (!schemaCheck(doc)) return dedupe((schemaCheck.errors ?? []).map((e) => fromSchemaError(doc, file, e)));
  return semanticProblems(doc as unknown as RawDataset, file);
}

/** Parse and check a dataset's text; throws DatasetError naming file, record and field. */
export function parseRawDataset(text: string, file: string): RawDataset {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new DatasetError([{ file, record: 'document', field: '(json)', message: (error as Error).message }]);
  }
  const problems = findProblems(doc, file);
  if (problems.length > 0) throw new DatasetError(problems);
  return doc as RawDataset;
}

/** Parse, check and resolve record ids into the in-memory shape the charts read. */
export function parseDataset(text: string, file: string): Dataset {
  return resolveDataset(parseRawDataset(text, file));
}
