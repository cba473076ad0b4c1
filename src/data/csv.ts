import { csvFormat } from 'd3-dsv';

/**
 * The one CSV writer of the project (d3-dsv): every download, the data package and the explorer's
 * view export. Kept apart from rows.ts so the explorer's page script can use it without the row
 * builders.
 */

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\ufeff';

/** RFC 4180 CSV with a byte-order mark and CRLF line ends; null and undefined are empty cells. */
export function toCsv({ columns, rows }: { columns: readonly string[]; rows: ReadonlyArray<object> }): string {
  return (
    UTF8_BOM +
    csvFormat(rows as unknown as Array<Record<string, unknown>>, [...columns]).replace(/\r?\n/g, '\r\n') +
    '\r\n'
  );
}
