import { sectorPairs } from './sector-pairs';

export const sectorIndustry = sectorPairs('sector-industry', ['industry', 'services']);
