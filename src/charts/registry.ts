import type { ChartModule } from './types';
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

/** Every chart, registered once: the story, embeds, prerender, exports and tests all look here. */
export const charts: readonly ChartModule[] = [
  headlineTargets,
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

const byId = new Map(charts.map((chart) => [chart.id, chart]));

export function chartById(id: string): ChartModule | undefined {
  return byId.get(id);
}

export function chartIds(): string[] {
  return charts.map((chart) => chart.id);
}
