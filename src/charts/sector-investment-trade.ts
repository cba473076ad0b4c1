import { sectorPairs } from './sector-pairs';

export const sectorInvestmentTrade = sectorPairs('sector-investment-trade', ['investment-trade']);
