import * as Plot from '@observablehq/plot';
import type { ChartModule, ChartTable } from './types';
import type { ChartText } from '../content/types';
import type { Dataset, Lang } from '../data/types';
import type { Place } from '../data/context';
import {
  cellOf,
  drawable,
  levelRows,
  missingTargetText,
  type LevelCell,
  type LevelFigure,
  type LevelRow,
} from '../data/levels';
import { caveatOf, figureText, placeLabel } from '../data/level-format';
import { formatDigits } from '../data/format';
import { fillTemplate } from '../content/template';
import { chartFontSize, palette } from '../design/tokens';
import { finishSvg, niceTicks, plotFrame, rowRules, tagWith, yearKey } from './plot-kit';
import { estimateTextWidth } from '../design/text-width';
import { CONTEXT_COLUMNS, contextRows } from '../data/context-rows';

/** The places set side by side, Gaoping first; Nanchong only where a figure exists (its derived 2024 growth). */
const SHOWN: Place[] = ['gaoping', 'nanchong', 'sichuan', 'china'];

/** Below this width the notes take a line of their own instead of a column. */
const NOTE_COLUMN_MIN_WIDTH = 480;
/** The most of a wide chart's width the note column may take; longer notes get a line of their own. */
const NOTE_COLUMN_SHARE = 0.34;

/** Growth rates and the unemployment rate share one % scale; amounts (grain, jobs) do not. */
function rateRows(dataset: Dataset): LevelRow[] {
  return levelRows(dataset).filter((row) => row.unit === '%');
}

function shownCells(row: LevelRow): LevelCell[] {
  return SHOWN.map((place) => cellOf(row, place)).filter(
    (cell) => cell.place !== 'nanchong' || cell.actual2024 || cell.target2025,
  );
}

/** What a cell says in words for one year: the figure, "no target set", or the caveat beside the figure. */
function cellWords(figure: LevelFigure | null, missing: string, lang: Lang, text: ChartText): string {
  if (figure === null) return missing;
  const caveat = caveatOf(figure, text);
  return caveat ? `${figureText(figure, lang, text)}${text.noteSeparator}${caveat}` : figureText(figure, lang, text);
}

function cellKey(row: LevelRow, place: Place): string {
  return `${row.indicator.id}@${place}`;
}

interface Mark {
  key: string;
  y: string;
  value: number;
  label: string;
}

type NotePlace = 'in-row' | 'column' | 'own-line';

interface Layout {
  labels: Array<{ y: string; text: string; heading: boolean }>;
  actuals: Mark[];
  targets: Mark[];
  notes: Array<{ y: string; text: string; key: string; place: NotePlace }>;
  domain: string[];
}

/** What is missing or not compared in a cell: no target (or an aim in words), a proxy, a different scope, derived. */
function cellNote(cell: LevelCell, lang: Lang, text: ChartText): string | null {
  const notes = [
    cell.target2025 === null
      ? cell.aimInWords
        ? fillTemplate(text.qualitativeTarget, { aim: figureText(cell.aimInWords, lang, text) })
        : missingTargetText(cell, text)
      : null,
    caveatOf(cell.actual2024, text) ?? caveatOf(cell.target2025, text),
    cell.actual2024?.derived ? text.derived : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0 ? [...new Set(notes)].join(text.itemSeparator) : null;
}

/**
 * One heading line per indicator, then a line per place: its dot, its diamond, and what is missing
 * or not compared. A note sits on its own row's line where nothing is drawn there; beside the marks,
 * in a right-hand column, where it fits that column (wide charts); else on a line of its own under
 * its place. No note ever covers a mark.
 */
function layout(dataset: Dataset, lang: Lang, text: ChartText, space: { noteColumn: number; plot: number }): Layout {
  const result: Layout = { labels: [], actuals: [], targets: [], notes: [], domain: [] };
  for (const row of rateRows(dataset)) {
    const heading = `${row.indicator.id}`;
    result.domain.push(heading);
    result.labels.push({ y: heading, text: row.label[lang], heading: true });
    for (const cell of shownCells(row)) {
      const y = cellKey(row, cell.place);
      const place = placeLabel(cell.place, text);
      result.domain.push(y);
      result.labels.push({ y, text: place, heading: false });
      const drawn = [drawable(cell.actual2024), drawable(cell.target2025)];
      if (drawable(cell.actual2024))
        result.actuals.push({
          key: y,
          y,
          value: cell.actual2024.value,
          label: `${row.label[lang]}, ${place} 2024: ${figureText(cell.actual2024, lang, text)}`,
        });
      if (drawable(cell.target2025))
        result.targets.push({
          key: y,
          y,
          value: cell.target2025.value,
          label: `${row.label[lang]}, ${place} 2025: ${figureText(cell.target2025, lang, text)}`,
        });
      const note = cellNote(cell, lang, text);
      if (note === null) continue;
      const width = estimateTextWidth(note, chartFontSize) + 12;
      const place_: NotePlace =
        !drawn.some(Boolean) && width <= space.plot
          ? 'in-row'
          : drawn.some(Boolean) && width <= space.noteColumn
            ? 'column'
            : 'own-line';
      const noteY = place_ === 'own-line' ? `${y}#note` : y;
      if (place_ === 'own-line') result.domain.push(noteY);
      result.notes.push({ y: noteY, text: note, key: y, place: place_ });
    }
  }
  return result;
}

function levelsDescription(dataset: Dataset, lang: Lang, text: ChartText): string {
  const sentences = rateRows(dataset)
    .concat(levelRows(dataset).filter((row) => row.unit !== '%' && row.unit !== 'qualitative'))
    .map((row) => {
      const cells = shownCells(row);
      const list = (pick: (cell: LevelCell) => LevelFigure | null, missing: (cell: LevelCell) => string) =>
        cells
          .filter((cell) => pick(cell) !== null || missing(cell) !== '')
          .map((cell) => `${placeLabel(cell.place, text)} ${cellWords(pick(cell), missing(cell), lang, text)}`)
          .join(text.itemSeparator);
      return fillTemplate(text.levelsSentence, {
        label: row.label[lang],
        targets: list(
          (cell) => cell.target2025,
          (cell) => missingTargetText(cell, text),
        ),
        actuals: list(
          (cell) => cell.actual2024,
          () => '',
        ),
      });
    });
  return [...sentences, text.levelsNotDrawn, text.levelsMeasureNote].join(text.listSeparator) + text.sentenceEnd;
}

function levelsTable(dataset: Dataset, lang: Lang, text: ChartText): ChartTable {
  const rows: string[][] = [];
  const rowKeys: string[][] = [];
  const rowSources: NonNullable<ChartTable['rowSources']> = [];
  for (const row of levelRows(dataset)) {
    for (const cell of shownCells(row)) {
      if (!cell.actual2024 && !cell.target2025 && !cell.result2025) continue;
      const figures = [cell.actual2024, cell.target2025, cell.result2025];
      const caveat = figures.map((f) => f?.comparabilityNote?.[lang]).find(Boolean);
      rows.push([
        row.label[lang],
        placeLabel(cell.place, text),
        cell.actual2024 ? cellWords(cell.actual2024, '', lang, text) : '—',
        cell.target2025 ? cellWords(cell.target2025, '', lang, text) : missingTargetText(cell, text),
        cell.result2025 ? cellWords(cell.result2025, '', lang, text) : '—',
        caveat ?? text.sameMeasure,
      ]);
      rowKeys.push([cellKey(row, cell.place)]);
      rowSources.push(
        figures
          .filter((f): f is LevelFigure => f !== null)
          .map((f) => ({ source: f.source, record: f.id, year: f.year, kind: f.kind, inReport: f.inReport })),
      );
    }
  }
  return {
    columns: [
      text.columnMetric,
      text.columnPlace,
      text.columnActual,
      text.columnTarget,
      text.columnResult2025,
      text.columnComparability,
    ],
    rows,
    rowKeys,
    rowSources,
  };
}

export const contextLevels: ChartModule = {
  id: 'context-levels',
  keys: ({ dataset }) =>
    dataset.context ? rateRows(dataset).flatMap((row) => shownCells(row).map((cell) => cellKey(row, cell.place))) : [],
  rows: ({ dataset }) => ({ columns: CONTEXT_COLUMNS, rows: contextRows(dataset) }),
  describe: ({ dataset }, lang, text) => levelsDescription(dataset, lang, text),
  table: ({ dataset }, lang, text) => levelsTable(dataset, lang, text),
  render({ dataset }, { width, lang, document, text, title }) {
    const labelWidth =
      Math.max(...SHOWN.map((place) => estimateTextWidth(placeLabel(place, text), chartFontSize))) + 14;
    const noteColumn = width < NOTE_COLUMN_MIN_WIDTH ? 0 : width * NOTE_COLUMN_SHARE;
    const { labels, actuals, targets, notes, domain } = layout(dataset, lang, text, {
      noteColumn,
      plot: width - labelWidth - 8,
    });
    const values = [...actuals, ...targets].map((m) => m.value);
    const rowHeight = 24;
    const inColumn = notes.filter((n) => n.place === 'column');
    const noteWidth =
      inColumn.length === 0 ? 0 : Math.max(...inColumn.map((n) => estimateTextWidth(n.text, chartFontSize))) + 12;
    const inRow = notes.filter((n) => n.place === 'in-row');
    const ownLine = notes.filter((n) => n.place === 'own-line');
    const xDomain: [number, number] = [Math.min(0, ...values) - 0.5, Math.max(...values) + 0.5];
    const ticks = niceTicks(xDomain, width < 400 ? 4 : 8);
    // Rules run only across the lines that hold marks: never through an indicator's name, which
    // runs across the plot on its own line, nor through a note written where nothing is drawn.
    const marked = [...new Set([...actuals, ...targets].map((m) => m.y))];
    const svg = Plot.plot({
      ...plotFrame(document, width, domain.length * rowHeight + 64, 44, 28),
      marginLeft: labelWidth,
      marginRight: 8 + noteWidth,
      x: {
        domain: xDomain,
        label: null,
        ticks,
        tickFormat: (d: number) => `${formatDigits(d, lang)}%`,
      },
      y: { domain, axis: null, padding: 0.1 },
      marks: [
        ...rowRules(marked, ticks, { stroke: palette.muted }),
        ...yearKey(text, { actual: -labelWidth + 8, target: width / 2 - labelWidth }),
        Plot.text(
          labels.filter((l) => l.heading),
          {
            y: 'y',
            text: 'text',
            frameAnchor: 'left',
            textAnchor: 'start',
            dx: -labelWidth + 8,
            fontWeight: 700,
            fill: palette.ink,
          },
        ),
        Plot.text(
          labels.filter((l) => !l.heading),
          { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'end', dx: -6, fill: palette.ink },
        ),
        Plot.ruleY(marked, { y: (y: string) => y, stroke: palette.muted, strokeOpacity: 0.15 }),
        Plot.text(inRow, {
          y: 'y',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 4,
          fill: palette.notComparable,
          fontStyle: 'italic',
          render: tagWith((i) => inRow[i]!.key),
        }),
        Plot.text(ownLine, {
          y: 'y',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: -labelWidth + 16,
          fill: palette.notComparable,
          fontStyle: 'italic',
          render: tagWith((i) => ownLine[i]!.key),
        }),
        Plot.text(inColumn, {
          y: 'y',
          text: 'text',
          frameAnchor: 'right',
          textAnchor: 'start',
          dx: 12,
          fill: palette.notComparable,
          fontStyle: 'italic',
          render: tagWith((i) => inColumn[i]!.key),
        }),
        Plot.dot(actuals, {
          x: 'value',
          y: 'y',
          r: 5,
          fill: palette.actual2024,
          stroke: palette.background,
          strokeWidth: 1.5,
          render: tagWith((i) => actuals[i]!.key, { label: (i) => actuals[i]!.label }),
        }),
        Plot.dot(targets, {
          x: 'value',
          y: 'y',
          r: 6,
          symbol: 'diamond',
          fill: palette.ink,
          stroke: palette.background,
          strokeWidth: 1.5,
          render: tagWith((i) => targets[i]!.key, { label: (i) => targets[i]!.label }),
        }),
      ],
    }) as SVGSVGElement;
    return finishSvg(svg, {
      label: title,
      source: text.levelsSource,
      document,
      idPrefix: `context-levels-${lang}-${width}`,
    });
  },
};
