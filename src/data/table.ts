/**
 * A downloadable table, declared once: its columns in order, each with its Table Schema field spec
 * and the function that computes its cell from one item of the table's source. From a declaration
 * come the CSV header and rows (src/data/rows.ts), the row type (RowOf), the data package's field
 * specs (src/publish/datapackage.ts) and the column lists of /data/, the ZIP's README and
 * docs/data.md (each column's meaning is copy: `columnDocs` in src/content/{zh,en}.json, keyed by
 * docPrefix + column name).
 */
type FieldType = 'string' | 'number' | 'integer' | 'boolean';
type Cell = string | number | boolean | null;

/** A column's Table Schema field spec (its constraints; `required` means never empty). */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  enum?: ReadonlyArray<string | number>;
  pattern?: string;
  minimum?: number;
}

export interface Column<Item> extends FieldSpec {
  cell: (item: Item) => Cell;
}

export type Columns<Item> = Record<string, Column<Item>>;

interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface Table<Item, C extends Columns<Item> = Columns<Item>> {
  name: string;
  columns: C;
  primaryKey: Array<keyof C & string>;
  foreignKeys?: ForeignKey[];
  /** Where the column notes key this table's columns ("record_" + column for records). */
  docPrefix?: string;
}

/** A row of a table: each column's cell, typed by what its `cell` returns. */
export type RowOf<T extends { columns: Record<string, { cell: (item: never) => Cell }> }> = {
  -readonly [K in keyof T['columns']]: ReturnType<T['columns'][K]['cell']>;
};

/** Declares a table over items of one type; the columns' cell functions are typed by it. */
export function defineTable<Item>() {
  return <const C extends Columns<Item>>(table: Table<Item, C>): Table<Item, C> => table;
}

/** Columns declared over one item type, read from another (a project's columns, in a row per project and town). */
export function liftColumns<From, To, C extends Columns<To>>(
  columns: C,
  pick: (item: From) => To,
): { [K in keyof C]: Omit<C[K], 'cell'> & { cell: (item: From) => ReturnType<C[K]['cell']> } } {
  return Object.fromEntries(
    Object.entries(columns).map(([name, column]) => [
      name,
      { ...column, cell: (item: From) => column.cell(pick(item)) },
    ]),
  ) as never;
}

export function columnNames<Item, C extends Columns<Item>>(table: Table<Item, C>): Array<keyof C & string> {
  return Object.keys(table.columns);
}

/** One item's row, its cells in column order. */
export function rowOf<Item, C extends Columns<Item>>(table: Table<Item, C>, item: Item): RowOf<Table<Item, C>> {
  return Object.fromEntries(Object.entries(table.columns).map(([name, column]) => [name, column.cell(item)])) as RowOf<
    Table<Item, C>
  >;
}

/** The field specs of a table's columns, without their cell functions. */
function fieldSpecs<Item, C extends Columns<Item>>(table: Table<Item, C>): Record<keyof C & string, FieldSpec> {
  return Object.fromEntries(
    Object.entries(table.columns).map(([name, { cell: _cell, ...spec }]) => [name, spec]),
  ) as Record<keyof C & string, FieldSpec>;
}

/** A table with its rows: what the data package, the CSV files and the docs read. */
export interface TableDefinition<Row = Record<string, Cell>> {
  name: string;
  columns: ReadonlyArray<keyof Row & string>;
  fields: { [K in keyof Row & string]: FieldSpec };
  rows: Row[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  docPrefix?: string;
}

/** A declared table filled with the rows of some items (rows untyped: the package and the docs read any table alike). */
export function filled<Item, C extends Columns<Item>>(table: Table<Item, C>, items: Item[]): TableDefinition {
  return {
    name: table.name,
    columns: columnNames(table),
    fields: fieldSpecs(table),
    rows: items.map((item) => rowOf(table, item) as Record<string, Cell>),
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
    ...(table.docPrefix !== undefined ? { docPrefix: table.docPrefix } : {}),
  };
}
