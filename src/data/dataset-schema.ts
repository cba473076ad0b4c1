/**
 * The shape of data/metrics.json, declared once. From this declaration come the JSON Schema
 * (data/metrics.schema.json is its output, written by `npm run docs` and tested equal), the
 * validator (src/data/validate.ts compiles that schema), the TypeScript types (src/data/types.ts
 * infers them), the field table of docs/data.md (each field's description is here) and the field
 * table of /data/ (src/site/data-docs.ts).
 * Build-time only: zod never reaches a reader's browser (types.ts imports this file for types only).
 */
import { z } from 'zod';
import { BOUNDS, COMMITMENTS, COMPARABILITIES, RECORD_KINDS, SECTORS, UNITS } from './types';

/** Arrays whose items must differ (JSON Schema's uniqueItems; the validator checks it). */
const UNIQUE = { uniqueItems: true };

// Sub-schemas with an id appear once in the JSON Schema's $defs, and each use $refs them.
const text = z.string().min(1);
const bilingual = z.strictObject({ zh: text, en: text }).meta({ id: 'bilingual' });
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ id: 'id' });
const quote = z.string().min(1).max(60).meta({ id: 'quote' });
const townCode = z.string().regex(/^511303\d{3}$/);
const sector = z.enum(SECTORS).meta({ id: 'sector' });
const unit = z.enum(UNITS).meta({ id: 'unit' });
const bound = z
  .enum(BOUNDS)
  .meta({ id: 'bound', description: 'how the value bounds the quantity, as the report words it' });
const commitment = z.enum(COMMITMENTS).meta({
  id: 'commitment',
  description: 'a word that hedges or frames a target; a word that governs a 、-list applies to every item',
});

/** What a metric's result is; added to the published copy only. */
const resultFields = {
  direction: z
    .enum(['raised', 'held', 'lowered', ...COMPARABILITIES.filter((state) => state !== 'comparable')])
    .nullable()
    .describe(
      'raised, held or lowered for a comparable pair; otherwise the comparability state that keeps it out of the count; null for one year only',
    ),
  change: z
    .number()
    .nullable()
    .describe(
      'one decimal; percentage points for rates, per cent of the 2024 result for levels; null unless comparable',
    ),
  change_unit: z
    .enum(['pp', '%'])
    .nullable()
    .describe(
      'the unit of change: pp (percentage points) for rates, % of the 2024 result for volumes; null unless comparable',
    ),
  compared_on: z
    .enum(['values', 'floors'])
    .nullable()
    .describe('floors: both years are stated only as floors (突破, 以上…) and the floors are compared'),
};

/**
 * The fields of each kind of object in data/metrics.json, in the order the schema lists them.
 * Add a field here (with its description) and the schema, the types, docs/data.md and the field
 * table of /data/ gain it;
 * `datasetSchema(fields)` builds the document from a copy for tests.
 */
export const DATASET_FIELDS = {
  record: {
    id: id.describe('stable kebab-case id (`gdp-growth-2024`…)'),
    quote: quote.describe('verbatim fragment of the report; occurs exactly once in it, or `occurrence` says which'),
    occurrence: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('which occurrence of the quote in the report (1-based); only when the quote occurs more than once'),
    quoteEn: z
      .string()
      .min(1)
      .optional()
      .describe(
        "the quote in English, in the glossary's official terms, with `{value}` where its figure stands (filled from `value` and `unit`, exactly: no number is typed twice); the English pages show it, the Chinese quote stays the source",
      ),
    value: z.number().describe("the number, in the report's unit and sign (−3.3 for 下降3.3%)"),
    written: z
      .string()
      .regex(/^[〇零一二两三四五六七八九十百千万亿]+$/)
      .optional()
      .describe('the value as the report writes it in Chinese numerals (千亿, 五); absent when written in digits'),
    unit: z.string().min(1).max(12).describe("the report's own unit (`%`, `百分点`, `亿元`, `户`, `方阵`…)"),
    year: z
      .string()
      .regex(/^\d{4}(-\d{4})?$/)
      .describe('`2024`, `2025`, or a span such as `2023-2024` (连续2年)'),
    kind: z
      .enum(RECORD_KINDS)
      .describe(
        '`result` (a 2024 outcome), `target` (a 2025 numeric target), `ranking` (第1位, 一方阵), `count` (projects, events, designations, years)',
      ),
    sector: sector.describe("the report's area of work"),
    placeCodes: z
      .array(townCode.describe('nine-digit township codes, where the statement is tied to a place'))
      .min(1)
      .meta(UNIQUE)
      .optional(),
    bound,
    commitment: z.array(commitment).meta(UNIQUE),
    measure: bilingual.describe('what this value measures; sentences name each value by its own measure'),
  },
  metric: {
    id: id.describe('stable kebab-case id of a 2024/2025 pair (or a single year)'),
    label: bilingual.describe("English labels use the glossary's official terms (`src/content/glossary.json`)"),
    sector: sector.describe('as for records'),
    unit: unit.describe('the unit the pair is compared in'),
    actual2024: id.nullable().describe('id of the record holding the 2024 result'),
    target2025: id.nullable().describe('id of the record holding the 2025 target'),
    comparability: z
      .enum(COMPARABILITIES)
      .nullable()
      .describe(
        'comparable: same measure both years; not-comparable: different measures (note says why); different-scope: same indicator, different scope (note is the caveat shown beside the figure); scope-unclear: same indicator, the report does not say whether both years cover the same scope (note says so); null: one year only',
      ),
    note: bilingual
      .optional()
      .describe('the reason a pair is not comparable, the caveat of a different scope, or another note'),
    result: z
      .strictObject(resultFields)
      .optional()
      .describe(
        "Added to the published copy (/data/metrics.json) at build time, computed from the two records; never read from input. The story's counts are these directions counted.",
      ),
  },
  project: {
    id: id.describe('stable kebab-case id'),
    label: bilingual.describe('what the project is'),
    sector: sector.describe('as for records'),
    year: z.literal([2024, 2025]).describe('2024: a result the report reviews; 2025: a plan'),
    quote: quote.describe('verbatim fragment of the report containing every name in `placeNames`'),
    quoteEn: z
      .string()
      .min(1)
      .optional()
      .describe(
        "the quote in English, in the glossary's official terms; any number in it is one the Chinese quote writes in digits (G318, 68); the English town panel shows it, the Chinese quote stays the source",
      ),
    placeNames: z.array(text.describe('the place names as the report words them (隆兴, 黄溪…)')),
    codes: z
      .array(
        townCode.describe(
          "today's township-level units (codes in the TopoJSON's `towns`); non-empty exactly when `located`",
        ),
      )
      .meta(UNIQUE),
    placeNote: bilingual
      .optional()
      .describe('how a name was mapped, or why no town is given (required unless located)'),
    placeStatus: z
      .enum(['located', 'district-wide', 'unlocated'])
      .describe(
        'located: tied to township codes; district-wide: the whole district; unlocated: a named place whose township is not known',
      ),
    unlocatedName: text.optional().describe('the place as the report writes it, when placeStatus is unlocated'),
  },
  artefactNote: {
    kind: z.literal('substitution-artefact').describe('what the note is about'),
    token: text.describe('the token as received (亚洲通)'),
    location: text.describe('where in the report'),
    asReceived: text.describe('the context as received'),
    standsFor: z
      .array(bilingual.describe('the words one token stands for, in Chinese and English'))
      .min(1)
      .describe(
        'for each token in asReceived, in order: the words it stands for, on their own (never repeating the words around it), in each language',
      ),
  },
  source: {
    title: bilingual.describe("the report's title"),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('the day the report was delivered'),
    venue: bilingual.describe('the session it was delivered at'),
    file: text.describe('the file name of the text the quotes are checked against, in `data/sources/`'),
  },
} satisfies Record<string, z.ZodRawShape>;

export type DatasetFields = typeof DATASET_FIELDS;

/** The whole document from a set of field declarations (DATASET_FIELDS, or a test's copy of it). */
function datasetSchema<F extends DatasetFields>(fields: F) {
  const record = z.strictObject(fields.record).meta({ id: 'record' });
  const metric = z.strictObject(fields.metric).meta({ id: 'metric' });
  const project = z.strictObject(fields.project).meta({ id: 'project' });
  const source = z.strictObject({ ...fields.source, notes: z.array(z.strictObject(fields.artefactNote)) });
  return {
    parts: { record, metric, project, source },
    document: z.strictObject({
      schemaVersion: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .describe(
          'semantic version of this layout; the major number changes if any field changes meaning (see CHANGELOG.md)',
        ),
      source,
      records: z
        .array(record)
        .min(1)
        .describe('the ledger: every quantitative statement of the report, one record each'),
      metrics: z.array(metric).min(1),
      projects: z.array(project),
    }),
  };
}

export const DATASET = datasetSchema(DATASET_FIELDS);

export const METRICS_SCHEMA_FILE = 'data/metrics.schema.json';

const HEADER = {
  $id: 'https://gaoping-2025.example/data/metrics.schema.json',
  title: '高坪区2025年政府工作报告 metrics',
  description:
    'Hand-curated figures from the 2025 government work report of 高坪区, each with the verbatim sentence fragment it comes from.',
};

/** The JSON Schema (draft 2020-12) of a document declared by `fields`: what data/metrics.schema.json holds. */
export function datasetJsonSchema(fields: DatasetFields = DATASET_FIELDS): Record<string, unknown> {
  const { document } = fields === DATASET_FIELDS ? DATASET : datasetSchema(fields);
  const generated = z.toJSONSchema(document, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<
    string,
    unknown
  >;
  return { $schema: generated.$schema, ...HEADER, ...generated };
}

/** data/metrics.schema.json as written: two-space JSON with a final newline. */
export function datasetJsonSchemaText(fields: DatasetFields = DATASET_FIELDS): string {
  return `${JSON.stringify(datasetJsonSchema(fields), null, 2)}\n`;
}
