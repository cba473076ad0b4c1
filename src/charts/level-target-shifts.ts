import { targetShiftBars } from './target-shift-bars';

/** Comparable levels (tonnes, yuan, firms…): change from 2024 result to 2025 target, in %. */
export const levelTargetShifts = targetShiftBars('level-target-shifts', '%');
