import { sectorPairs } from './sector-pairs';

export const sectorInnovation = sectorPairs('sector-innovation', ['innovation']);
