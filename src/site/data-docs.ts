/**
 * The field and column documentation of /data/, read from the declarations: the fields of
 * data/metrics.json from DATASET_FIELDS (src/data/dataset-schema.ts), the columns of every table
 * from its declaration (src/data/tables.ts) with each column's meaning from `columnDocs` in the
 * copy. Adding a field or a column there adds its line here; nothing on the page lists them by hand.
 */
import type { z } from 'zod';
import type { StoryContent } from '../content/types';
import { DATASET_FIELDS, type DatasetFields } from '../data/dataset-schema';
import type { TableDefinition } from '../data/table';
import { h } from '../dom/html';
import { tablePath } from '../publish/datapackage';

/** The objects of data/metrics.json, each under its path, with the copy that says what one is. */
const FIELD_GROUPS = [
  ['source', 'source'],
  ['artefactNote', 'source.notes[]'],
  ['record', 'records[]'],
  ['metric', 'metrics[]'],
  ['project', 'projects[]'],
] as const satisfies ReadonlyArray<readonly [keyof DatasetFields, string]>;

const COLON = { zh: '：', en: ': ' } as const;

/** A field's name as the table lists it: with `?` when the object may leave it out. */
const fieldName = (name: string, schema: z.ZodType) => (schema.safeParse(undefined).success ? `${name}?` : name);

/** One row per object of data/metrics.json: its path, then its fields in declared order and what one object is. */
function datasetFieldRows(content: StoryContent, fields: DatasetFields = DATASET_FIELDS): Array<[string, string]> {
  const groups = content.dataPage.fieldGroups;
  return [
    ['schemaVersion', groups.schemaVersion],
    ...FIELD_GROUPS.map(([group, path]): [string, string] => {
      const names = Object.entries(fields[group] as z.ZodRawShape).map(([name, schema]) =>
        fieldName(name, schema as z.ZodType),
      );
      return [path, `${names.join(', ')} — ${groups[group]}`];
    }),
  ];
}

/** One row per column of a table: its name and its line of `columnDocs` (the page stops without one). */
function tableColumnRows(content: StoryContent, table: TableDefinition): Array<[string, string]> {
  return table.columns.map((column) => {
    const key = `${table.docPrefix ?? ''}${column}`;
    const line = content.columnDocs[key];
    if (!line)
      throw new Error(
        `content (${content.lang}) has no columnDocs line "${key}" for column "${column}" of table ${table.name}`,
      );
    return [column, line];
  });
}

/** A two-column table of names and meanings under its heading, scrollable on a phone. */
function docTable(
  document: Document,
  content: StoryContent,
  heading: HTMLElement,
  label: string,
  rows: Array<[string, string]>,
): HTMLElement[] {
  const text = content.dataPage;
  return [
    heading,
    h(
      document,
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label },
      h(
        document,
        'table',
        {},
        h(
          document,
          'thead',
          {},
          h(
            document,
            'tr',
            {},
            h(document, 'th', { scope: 'col' }, text.columnName),
            h(document, 'th', { scope: 'col' }, text.columnMeaning),
          ),
        ),
        h(
          document,
          'tbody',
          {},
          ...rows.map(([name, meaning]) =>
            h(document, 'tr', {}, h(document, 'th', { scope: 'row' }, name), h(document, 'td', {}, meaning)),
          ),
        ),
      ),
    ),
  ];
}

/**
 * The documentation part of /data/: the fields of metrics.json, then the columns of every package
 * table (its file and what one row is), then the columns of the map chart's data.csv.
 */
export function dataDocs(
  document: Document,
  content: StoryContent,
  declared: { fields?: DatasetFields; tables: readonly TableDefinition[]; townProjects: TableDefinition },
): HTMLElement[] {
  const text = content.dataPage;
  const titled = (level: 'h2' | 'h3', title: string) => h(document, level, {}, title);
  const packageTable = (table: TableDefinition) => {
    const note = text.tableNotes[table.name];
    if (!note) throw new Error(`content (${content.lang}) has no dataPage.tableNotes line for table ${table.name}`);
    const title = `${tablePath(table.name)}${COLON[content.lang]}${note}`;
    return docTable(document, content, titled('h3', title), title, tableColumnRows(content, table));
  };
  return [
    ...docTable(document, content, titled('h2', text.fields), text.fields, datasetFieldRows(content, declared.fields)),
    titled('h2', text.columnDictionary),
    ...declared.tables.flatMap(packageTable),
    ...docTable(
      document,
      content,
      titled('h3', text.projectColumns),
      text.projectColumns,
      tableColumnRows(content, declared.townProjects),
    ),
  ];
}
