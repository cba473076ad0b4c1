import type { ChartInputs } from '../charts/types';
import { charts } from '../charts/registry';
import type { StoryContent } from '../content/types';
import { provenance, type ProvenanceEntry } from '../data/provenance';
import { h } from '../dom/html';
import { labelled } from '../content/template';
import type { PageContext } from './context';

/**
 * Which charts draw each provenance entry, derived from the registry: a chart draws an entry when
 * one of its marks' data keys (ChartModule.keys) is one of the entry's keys. No chart id is typed.
 */
export function chartsDrawing(
  inputs: ChartInputs,
  entries: ProvenanceEntry[] = provenance(inputs.dataset),
): Map<string, string[]> {
  const keysByChart = charts.map((chart) => ({ id: chart.id, keys: new Set(chart.keys(inputs)) }));
  return new Map(
    entries.map((entry) => [
      entry.id,
      keysByChart.filter((chart) => entry.keys.some((key) => chart.keys.has(key))).map((chart) => chart.id),
    ]),
  );
}

/**
 * The id of the story's figure for a chart (`chart-<scope>-<chart>`, as renderFigure names it): the
 * scrolly section whose steps use it, or the standalone chart block. Undefined if the story lacks it.
 */
export function storyFigureId(content: StoryContent, chartId: string): string | undefined {
  for (const [index, block] of content.blocks.entries()) {
    if (block.type === 'scrolly' && block.steps.some((step) => step.chart === chartId))
      return `chart-${block.id}-${chartId}`;
    if (block.type === 'chart' && block.chart === chartId) return `chart-standalone-${index}-${chartId}`;
  }
  return undefined;
}

/** Where the annotated report highlights an entry's quote, from a page whose way to the report is `reportHref`. */
export function quoteHref(reportHref: string, entryId: string): string {
  return `${reportHref}#q-${entryId}`;
}

/**
 * "原文" / "source" links to the highlighted sentences of the entries behind one row of a figure's
 * table (a metric's two years, a town's projects…). Empty when the page has no way to the report.
 */
export function sourceLinks(ctx: PageContext, entries: ProvenanceEntry[]): HTMLElement | null {
  const { document, content, links } = ctx;
  if (!links || entries.length === 0) return null;
  const target = links.newTab ? { target: '_blank', rel: 'noopener' } : {};
  const single = entries.length === 1;
  const anchors = entries.map((entry) =>
    h(
      document,
      'a',
      {
        class: 'source-link',
        href: quoteHref(links.report, entry.id),
        'data-entry': entry.id,
        'aria-label': labelled(
          content.page.sourceLink,
          `${entry.label[content.lang]}${entry.kind === 'project' ? '' : ` ${entry.year}`}`,
          content.lang,
        ),
        ...target,
      },
      single || entry.kind === 'project' ? content.page.sourceLink : `${content.page.sourceLink} ${entry.year}`,
    ),
  );
  // One link needs no wrapper: one element fewer per row and per project on every page.
  return single ? anchors[0]! : h(document, 'span', { class: 'source-links' }, ...anchors);
}

/** The report's own words (以上, 力争…), glossed in English on the English page. */
export function qualifierText(content: StoryContent, words: string[]): string {
  const names = content.qualifierNames as Record<string, string>;
  if (content.lang === 'zh') return words.map((word) => names[word] ?? word).join('、');
  return words.map((word) => (word === 'exact' ? names[word]! : `${word} (${names[word] ?? word})`)).join(', ');
}
