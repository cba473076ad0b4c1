/**
 * The context table and the sources table as rows: for context.csv, sources.csv, the data
 * package and the context chart's own data files. One row per figure; `source` is a foreign key
 * into the sources table, and `indicator` names Gaoping's metric where there is one.
 */
import type { Dataset } from './types';
import type { SourceEntry } from './context';
import { levelRows, requireContext, type LevelFigure } from './levels';
import { columnNames, rowOf, type RowOf } from './table';
import { CONTEXT_TABLE, SOURCES_TABLE, type ContextItem } from './tables';

export type ContextRow = RowOf<typeof CONTEXT_TABLE>;
export type SourceRow = RowOf<typeof SOURCES_TABLE>;

export const CONTEXT_COLUMNS = columnNames(CONTEXT_TABLE);
export const SOURCE_COLUMNS = columnNames(SOURCES_TABLE);

const sourceRow = (source: SourceEntry): SourceRow => rowOf(SOURCES_TABLE, source);

/** Every figure, with its indicator and Gaoping's metric: the context table's items. */
export function contextItems(dataset: Dataset): ContextItem[] {
  return levelRows(dataset).flatMap((row) =>
    row.cells.flatMap((cell) =>
      [cell.actual2024, cell.target2025, cell.result2025]
        .filter((figure): figure is LevelFigure => figure !== null)
        .map((figure) => ({ indicator: row.indicator.id, metric: row.indicator.metric, figure })),
    ),
  );
}

/**
 * Every figure set beside Gaoping's, Gaoping's own included (from data/metrics.json, source
 * gaoping-2025), per indicator and place in order.
 */
export function contextRows(dataset: Dataset): ContextRow[] {
  return contextItems(dataset).map((item) => rowOf(CONTEXT_TABLE, item));
}

export function sourceRows(dataset: Dataset): SourceRow[] {
  return requireContext(dataset).sources.map(sourceRow);
}
