import { sectorPairs } from './sector-pairs';

export const sectorLivelihoods = sectorPairs('sector-livelihoods', ['livelihoods', 'urban-rural', 'environment']);
