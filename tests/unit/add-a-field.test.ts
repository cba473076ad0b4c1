/**
 * The "Add a data field" recipe of docs/architecture.md, proved: one field added to a copy of the
 * file's declaration and one column to a copy of its table's declaration reach the JSON Schema,
 * the docs' field table, the CSV header, the data package's field, the docs' column table, the
 * ZIP's column dictionary and the field and column tables of /data/ (zh and en), with nothing else edited.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASET_FIELDS, datasetJsonSchema } from '../../src/data/dataset-schema';
import { filled } from '../../src/data/table';
import { loadDataset } from '../../src/data/load-node';
import { contentByLang } from '../../src/content';
import type { Lang, StoryContent } from '../../src/content/types';
import { tableCsv, tableSchema } from '../../src/publish/datapackage';
import { datasetReadme } from '../../src/publish/downloads';
import { parseSiteUrl } from '../../src/publish/site-url';
import { datasetFieldsMarkdown, packageTablesMarkdown } from '../../scripts/lib/docs/blocks';
import { dataDocs } from '../../src/site/data-docs';
import { newDocument } from '../../src/site/html-document';
import { RECORDS_TABLE, TOWN_PROJECTS_TABLE } from '../../src/data/tables';

const dataset = loadDataset();

// The one edit: the field in the file's declaration, and its column in the table's declaration.
const fields = {
  ...DATASET_FIELDS,
  record: {
    ...DATASET_FIELDS.record,
    reviewedBy: z.string().min(1).optional().describe('who checked the record against the report'),
  },
};
const records = {
  ...RECORDS_TABLE,
  columns: { ...RECORDS_TABLE.columns, reviewed_by: { type: 'string' as const, cell: () => 'checker' } },
};
// Its meaning, in each language's copy (src/content/{zh,en}.json columnDocs), keyed by the table's docPrefix.
const withDoc = (lang: Lang): StoryContent => ({
  ...contentByLang[lang],
  columnDocs: {
    ...contentByLang[lang].columnDocs,
    record_reviewed_by: lang === 'zh' ? '核对人' : 'who checked the record',
  },
});
const content = { zh: withDoc('zh'), en: withDoc('en') };

describe('adding a data field', () => {
  it('reaches the JSON Schema and the field table of docs/data.md', () => {
    const schema = datasetJsonSchema(fields);
    const record = (schema.$defs as Record<string, { properties: Record<string, unknown> }>).record!;
    expect(record.properties.reviewedBy).toMatchObject({
      type: 'string',
      description: 'who checked the record against the report',
    });
    expect(datasetFieldsMarkdown(schema)).toContain(
      '| `records[].reviewedBy` | string |  | who checked the record against the report |',
    );
    expect(datasetFieldsMarkdown(datasetJsonSchema())).not.toContain('reviewedBy');
  });

  it('reaches the CSV header and every row, the package field, the docs column table and the ZIP dictionary', () => {
    const table = filled(records, dataset.records);
    const header = tableCsv(table, false).split('\r\n')[0]!.split(',');
    expect(header.at(-1)).toBe('reviewed_by');
    expect(
      tableCsv(table, false)
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .every((line) => line.endsWith(',checker')),
    ).toBe(true);
    expect(tableSchema(table, content.en.columnDocs).fields.at(-1)).toEqual({
      name: 'reviewed_by',
      type: 'string',
      description: 'who checked the record',
    });
    expect(packageTablesMarkdown([table], content.en.columnDocs)).toContain(
      '| `reviewed_by` | string |  |  | who checked the record |',
    );
    const readme = datasetReadme(dataset, content, parseSiteUrl('https://example.org/'), [], [table]);
    expect(readme).toContain('- `reviewed_by`: 核对人');
    expect(readme).toContain('- `reviewed_by`: who checked the record');
  });

  it('reaches the field and column tables of /data/ in both languages', () => {
    const table = filled(records, dataset.records);
    // The /data/ docs as the page renders them: each table's rows, name then meaning.
    const rowsOf = (lang: Lang, declared: Parameters<typeof dataDocs>[2]) => {
      const document = newDocument();
      const nodes = dataDocs(document, content[lang], declared);
      return nodes
        .flatMap((node) => [...node.querySelectorAll('tbody tr')])
        .map((row) => [...row.children].map((cell) => cell.textContent));
    };
    const declared = { fields, tables: [table], townProjects: filled(TOWN_PROJECTS_TABLE, []) };
    for (const lang of ['zh', 'en'] as const) {
      const rows = rowsOf(lang, declared);
      expect(rows.find(([name]) => name === 'records[]')?.[1]).toMatch(/, reviewedBy\? — /);
      expect(rows).toContainEqual(['reviewed_by', content[lang].columnDocs.record_reviewed_by]);
      const before = rowsOf(lang, {
        tables: [filled(RECORDS_TABLE, dataset.records)],
        townProjects: declared.townProjects,
      });
      expect(before.flat().join(' ')).not.toMatch(/reviewed_?by/i);
    }
  });

  it('stops the package and the README until the column has its line of docs in each language', () => {
    const table = filled(records, dataset.records);
    expect(() => tableSchema(table, contentByLang.en.columnDocs)).toThrow(/no columnDocs line "record_reviewed_by"/);
    expect(() => datasetReadme(dataset, contentByLang, parseSiteUrl('https://example.org/'), [], [table])).toThrow(
      /column "reviewed_by" of table records/,
    );
    expect(() =>
      dataDocs(newDocument(), contentByLang.zh, { tables: [table], townProjects: filled(TOWN_PROJECTS_TABLE, []) }),
    ).toThrow(/content \(zh\) has no columnDocs line "record_reviewed_by"/);
  });
});
