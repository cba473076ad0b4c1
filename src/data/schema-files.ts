/**
 * The JSON Schema files under data/, each generated from its file's one zod declaration:
 * metrics.json's from src/data/dataset-schema.ts, context.json's and sources.json's from
 * src/data/context.ts. `npm run docs` writes them; tests/unit/dataset-schema.test.ts fails when a
 * committed file differs from what its declaration makes.
 */
import { z } from 'zod';
import { contextFileSchema, sourcesFileSchema } from './context';
import { datasetJsonSchemaText, METRICS_SCHEMA_FILE } from './dataset-schema';

const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A context file's schema, named like metrics.schema.json; zod's output, with an id and a title. */
function contextJsonSchema(schema: z.ZodType, file: string, title: string): string {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<
    string,
    unknown
  >;
  return jsonText({ $schema: generated.$schema, $id: `https://gaoping-2025.example/${file}`, title, ...generated });
}

/** Path under the repository root → the file's text. */
export const SCHEMA_FILES: Record<string, () => string> = {
  [METRICS_SCHEMA_FILE]: () => datasetJsonSchemaText(),
  'data/context.schema.json': () =>
    contextJsonSchema(
      contextFileSchema,
      'data/context.schema.json',
      "Context records: figures from other documents set beside Gaoping's",
    ),
  'data/sources.schema.json': () =>
    contextJsonSchema(
      sourcesFileSchema,
      'data/sources.schema.json',
      'Sources: the documents every figure is quoted from',
    ),
};
