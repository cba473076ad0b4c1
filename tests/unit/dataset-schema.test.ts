import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SCHEMA_FILES } from '../../src/data/schema-files';
import { DATASET_FIELDS, datasetJsonSchema } from '../../src/data/dataset-schema';
import { findProblems } from '../../src/data/validate';

const ROOT = new URL('../../', import.meta.url);
const committed = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');

describe('the JSON Schema files of data/', () => {
  it.each(Object.keys(SCHEMA_FILES))(
    '%s equals what its declaration makes (run npm run docs when this fails)',
    (file) => {
      expect(committed(file)).toBe(SCHEMA_FILES[file]!());
    },
  );

  it('a field added to the declaration reaches the schema, required or not', () => {
    const fields = {
      ...DATASET_FIELDS,
      record: { ...DATASET_FIELDS.record, reviewedBy: z.string().describe('who checked the record') },
    };
    const record = (
      datasetJsonSchema(fields).$defs as Record<string, { properties: Record<string, unknown>; required: string[] }>
    ).record!;
    expect(record.properties.reviewedBy).toEqual({ type: 'string', description: 'who checked the record' });
    expect(record.required).toContain('reviewedBy');
    const current = (datasetJsonSchema().$defs as Record<string, { properties: Record<string, unknown> }>).record!;
    expect(current.properties).not.toHaveProperty('reviewedBy');
  });
});

describe('data/metrics.json against its declaration', () => {
  const doc = JSON.parse(committed('data/metrics.json'));

  it('passes', () => {
    expect(findProblems(doc, 'data/metrics.json')).toEqual([]);
  });

  it('is major version 3: source.notes[].probablyMeant became standsFor, a change of meaning', () => {
    expect(doc.schemaVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.source.notes.every((note: object) => 'standsFor' in note && !('probablyMeant' in note))).toBe(true);
  });

  it('an unknown field stops it, naming the record and the field', () => {
    const edited = structuredClone(doc);
    edited.records[0].reviewedBy = 'x';
    expect(findProblems(edited, 'data/metrics.json')).toContainEqual(
      expect.objectContaining({
        record: `record "${doc.records[0].id}"`,
        field: 'reviewedBy',
        message: 'must NOT have additional properties',
      }),
    );
  });

  it('a duplicate town code in a record stops it (uniqueItems, which zod does not carry by itself)', () => {
    const edited = structuredClone(doc);
    const record = edited.records.find((r: { placeCodes?: string[] }) => r.placeCodes);
    record.placeCodes = [record.placeCodes[0], record.placeCodes[0]];
    expect(findProblems(edited, 'data/metrics.json').map((p) => `${p.record} ${p.field}`)).toContain(
      `record "${record.id}" placeCodes`,
    );
  });
});
