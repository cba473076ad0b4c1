import { sectorPairs } from './sector-pairs';

export const sectorAgriculture = sectorPairs('sector-agriculture', ['agriculture']);
