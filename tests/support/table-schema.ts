import { csvParseRows } from 'd3-dsv';

/**
 * A small Table Schema (v1) row validator for the types and constraints our package uses:
 * string, number, integer, boolean; required, unique, enum, pattern, minimum; missingValues;
 * primaryKey; foreignKeys (checked by the caller across tables). Anything else is refused, so a
 * schema feature we start using cannot go unchecked.
 */
interface TableSchemaField {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; pattern?: string; minimum?: number };
}
export interface TableSchema {
  fields: TableSchemaField[];
  missingValues?: string[];
  primaryKey?: string | string[];
}

export type Cell = string | number | boolean | null;

function cast(field: TableSchemaField, raw: string, missing: string[]): { value: Cell } | { error: string } {
  if (missing.includes(raw)) return { value: null };
  switch (field.type) {
    case 'string':
      return { value: raw };
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw)
        ? { value: Number(raw) }
        : { error: `"${raw}" is not a number` };
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: `"${raw}" is not an integer` };
    case 'boolean': {
      const yes = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const no = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
      return yes.includes(raw)
        ? { value: true }
        : no.includes(raw)
          ? { value: false }
          : { error: `"${raw}" is not a boolean` };
    }
    default:
      throw new Error(`validator does not support type ${field.type}`);
  }
}

/** Parses a CSV (no BOM allowed) and checks it against a Table Schema; returns typed rows and problems. */
export function validateCsv(
  csv: string,
  schema: TableSchema,
): { rows: Array<Record<string, Cell>>; problems: string[] } {
  const problems: string[] = [];
  if (csv.startsWith('\ufeff')) problems.push('starts with a byte-order mark');
  const [header = [], ...body] = csvParseRows(csv.replace(/^\ufeff/, '').replace(/\r\n$/, ''));
  const names = schema.fields.map((f) => f.name);
  if (header.join(',') !== names.join(',')) problems.push(`header ${header.join(',')} is not ${names.join(',')}`);
  const missing = schema.missingValues ?? [''];
  const rows: Array<Record<string, Cell>> = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== names.length) problems.push(`line ${line}: ${cells.length} cells, expected ${names.length}`);
    const row: Record<string, Cell> = {};
    schema.fields.forEach((field, column) => {
      const known = new Set(['required', 'unique', 'enum', 'pattern', 'minimum']);
      for (const key of Object.keys(field.constraints ?? {}))
        if (!known.has(key)) throw new Error(`validator does not support constraint ${key}`);
      const result = cast(field, cells[column] ?? '', missing);
      if ('error' in result) {
        problems.push(`line ${line}, ${field.name}: ${result.error}`);
        return;
      }
      const { value } = result;
      const c = field.constraints ?? {};
      if (value === null) {
        if (c.required) problems.push(`line ${line}, ${field.name}: required but empty`);
      } else {
        if (c.enum && !c.enum.includes(value))
          problems.push(`line ${line}, ${field.name}: ${JSON.stringify(value)} not in enum`);
        if (c.pattern && typeof value === 'string' && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value))
          problems.push(`line ${line}, ${field.name}: "${value}" does not match ${c.pattern}`);
        if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum)
          problems.push(`line ${line}, ${field.name}: ${value} < ${c.minimum}`);
      }
      row[field.name] = value;
    });
    rows.push(row);
  });
  for (const field of schema.fields) {
    if (!field.constraints?.unique) continue;
    const seen = new Set<Cell>();
    for (const row of rows) {
      if (row[field.name] !== null && seen.has(row[field.name]!))
        problems.push(`${field.name}: ${String(row[field.name])} is not unique`);
      seen.add(row[field.name]!);
    }
  }
  const key =
    schema.primaryKey === undefined ? [] : Array.isArray(schema.primaryKey) ? schema.primaryKey : [schema.primaryKey];
  if (key.length > 0) {
    const seen = new Set<string>();
    for (const row of rows) {
      const values = key.map((name) => row[name]);
      if (values.some((value) => value === null || value === undefined))
        problems.push(`primary key ${key.join('+')} has an empty part`);
      const joined = JSON.stringify(values);
      if (seen.has(joined)) problems.push(`primary key ${key.join('+')} repeats ${joined}`);
      seen.add(joined);
    }
  }
  return { rows, problems };
}
