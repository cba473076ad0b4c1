import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import schema from '../../data/metrics.schema.json';
import type { Dataset } from './types';
import { quoteStatesValue } from './numbers';

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
    super(`Invalid inputs (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'DatasetError';
  }
}

/** The token that a copy-paste artefact put into the report; it must never reach a reader. */
export const ARTEFACT_TOKEN = '亚洲通';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaCheck = ajv.compile(schema);

function recordName(doc: unknown, index: number): string {
  const metrics = (doc as { metrics?: unknown })?.metrics;
  const metric = Array.isArray(metrics) ? metrics[index] : undefined;
  const id = (metric as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? `metric "${id}"` : `metrics[${index}]`;
}

function projectName(doc: unknown, index: number): string {
  const projects = (doc as { projects?: unknown })?.projects;
  const project = Array.isArray(projects) ? projects[index] : undefined;
  const id = (project as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id.length > 0 ? `project "${id}"` : `projects[${index}]`;
}

function fromSchemaError(doc: unknown, file: string, error: ErrorObject): DataProblem {
  const parts = error.instancePath.split('/').slice(1);
  let record = 'document';
  let fieldParts = parts;
  if (parts[0] === 'metrics' && parts[1] !== undefined) {
    record = recordName(doc, Number(parts[1]));
    fieldParts = parts.slice(2);
  } else if (parts[0] === 'projects' && parts[1] !== undefined) {
    record = projectName(doc, Number(parts[1]));
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

/** oneOf errors repeat each branch's complaint; keep the most specific one per field. */
function dedupe(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  const specific = problems.filter((p) => !/must match exactly one schema|must be null/.test(p.message) ||
    !problems.some((q) => q !== p && q.record === p.record && q.field.startsWith(p.field)));
  return specific.filter((p) => {
    const key = `${p.record}|${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function semanticProblems(doc: Dataset, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  doc.metrics.forEach((metric, index) => {
    const record = `metric "${metric.id}"`;
    const add = (field: string, message: string) => problems.push({ file, record, field, message });
    if (seen.has(metric.id)) add('id', `duplicate id (also metrics[${seen.get(metric.id)}])`);
    else seen.set(metric.id, index);

    for (const key of ['actual2024', 'target2025'] as const) {
      const figure = metric[key];
      if (!figure) continue;
      if (!quoteStatesValue(figure.quote, figure.value)) {
        add(`${key}.quote`, `quote does not contain the value ${figure.value}` +
          (figure.value < 0 ? ' worded as a fall (下降…)' : '') + `: "${figure.quote}"`);
      }
      if (figure.quote.includes(ARTEFACT_TOKEN)) add(`${key}.quote`, `quote runs through the artefact ${ARTEFACT_TOKEN}; quote around it`);
      const qualifiers = figure.qualifier ?? [];
      if (qualifiers.includes('exact') && qualifiers.length > 1) add(`${key}.qualifier`, '"exact" cannot be combined with other qualifiers');
    }
    const both = metric.actual2024 !== null && metric.target2025 !== null;
    if (both && metric.comparable === null) add('comparable', 'must be true or false when both years are given');
    if (!both && metric.comparable !== null) add('comparable', 'must be null when only one year is given');
    if (metric.comparable === false && !metric.note) add('note', 'a record with comparable: false needs a note saying why');
    for (const lang of ['zh', 'en'] as const) {
      if (metric.label[lang].includes(ARTEFACT_TOKEN)) add(`label.${lang}`, `label contains the artefact ${ARTEFACT_TOKEN}`);
      if (metric.note?.[lang].includes(ARTEFACT_TOKEN)) add(`note.${lang}`, `note contains the artefact ${ARTEFACT_TOKEN}`);
    }
  });
  problems.push(...projectProblems(doc, file));
  return problems;
}

function projectProblems(doc: Dataset, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const project of doc.projects) {
    const add = (field: string, message: string) => problems.push({ file, record: `project "${project.id}"`, field, message });
    if (seen.has(project.id)) add('id', 'duplicate id');
    seen.add(project.id);
    for (const name of project.placeNames) if (!project.quote.includes(name)) add('placeNames', `quote does not contain the place name ${name}`);
    if (project.quote.includes(ARTEFACT_TOKEN)) add('quote', `quote runs through the artefact ${ARTEFACT_TOKEN}; quote around it`);
    if (project.districtWide !== (project.codes.length === 0)) add('districtWide', 'must be true exactly when codes is empty');
    if (project.districtWide && !project.placeNote) add('placeNote', 'a district-wide project needs a note saying why no town is given');
  }
  return problems;
}

/**
 * Cross-file invariant: every project's town code is a town in the map data. Kept apart from
 * findProblems because it needs the TopoJSON; the build and the tests run both.
 */
export function findPlaceProblems(doc: Dataset, file: string, townCodes: Set<string>, topologyFile: string): DataProblem[] {
  return doc.projects.flatMap((project) => project.codes
    .filter((code) => !townCodes.has(code))
    .map((code) => ({ file, record: `project "${project.id}"`, field: 'codes', message: `town code ${code} is not a town in ${topologyFile}` })));
}

/** Every problem in a parsed dataset; an empty list means it is safe to build on. */
export function findProblems(doc: unknown, file: string): DataProblem[] {
  if (!schemaCheck(doc)) return dedupe((schemaCheck.errors ?? []).map((e) => fromSchemaError(doc, file, e)));
  return semanticProblems(doc as unknown as Dataset, file);
}

/** Parse and check a dataset's text; throws DatasetError naming file, record and field. */
export function parseDataset(text: string, file: string): Dataset {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new DatasetError([{ file, record: 'document', field: '(json)', message: (error as Error).message }]);
  }
  const problems = findProblems(doc, file);
  if (problems.length > 0) throw new DatasetError(problems);
  return doc as Dataset;
}
