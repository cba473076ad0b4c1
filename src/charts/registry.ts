import type { ChartInputs, ChartModule, ChartOptions } from './types';
import { targetTally } from './target-tally';
import { headlineTargets } from './headline-targets';
import { rateTargetShifts } from './rate-target-shifts';
import { levelTargetShifts } from './level-target-shifts';
import { sectorAgriculture } from './sector-agriculture';
import { sectorIndustry } from './sector-industry';
import { sectorInnovation } from './sector-innovation';
import { sectorLivelihoods } from './sector-livelihoods';
import { sectorInvestmentTrade } from './sector-investment-trade';
import { fdiAnnotated } from './fdi-annotated';
import { townMap } from './town-map';
import { contextLevels } from './context-levels';

/** Every chart, registered once: the story, embeds, prerender, exports and tests all look here. */
const registered: ChartModule[] = [
  targetTally,
  headlineTargets,
  contextLevels,
  rateTargetShifts,
  levelTargetShifts,
  sectorAgriculture,
  sectorIndustry,
  sectorInnovation,
  sectorLivelihoods,
  sectorInvestmentTrade,
  fdiAnnotated,
  townMap,
];

export const charts: readonly ChartModule[] = registered;

export function chartById(id: string): ChartModule | undefined {
  return registered.find((chart) => chart.id === id);
}

export function chartIds(): string[] {
  return registered.map((chart) => chart.id);
}

/**
 * Adds a chart for the length of a test (the "add a chart" recipe is proved this way); returns
 * the teardown that removes it again.
 */
export function registerChartForTest(chart: ChartModule): () => void {
  if (chartById(chart.id)) throw new Error(`a chart "${chart.id}" is already registered`);
  registered.push(chart);
  return () => {
    const at = registered.indexOf(chart);
    if (at >= 0) registered.splice(at, 1);
  };
}

const MIN_WIDTH = 240;
const MAX_WIDTH = 2400;

/** Options are normalised once, here: a bad one throws `invalid <name>: <value>`. */
function checkChartOptions(options: ChartOptions): ChartOptions {
  const { width, lang, title } = options;
  if (!Number.isFinite(width) || width < MIN_WIDTH || width > MAX_WIDTH) throw new Error(`invalid width: ${width}`);
  if (lang !== 'zh' && lang !== 'en') throw new Error(`invalid lang: ${String(lang)}`);
  if (typeof title !== 'string' || title.length === 0) throw new Error(`invalid title: ${String(title)}`);
  if (!options.document || !options.text) throw new Error('invalid options: document and text are required');
  if (options.rows !== undefined && options.rows.length === 0)
    throw new Error('invalid rows: a group needs at least one row');
  if (options.maxHeight !== undefined && !(options.maxHeight > 0))
    throw new Error(`invalid maxHeight: ${options.maxHeight}`);
  return { ...options, width: Math.round(width) };
}

export function renderChart(chart: ChartModule, inputs: ChartInputs, options: ChartOptions): SVGSVGElement {
  return chart.render(inputs, checkChartOptions(options));
}
