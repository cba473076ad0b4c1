import { targetShiftBars } from './target-shift-bars';

/** Comparable growth rates and shares: change from 2024 result to 2025 target, in 百分点. */
export const rateTargetShifts = targetShiftBars('rate-target-shifts', '百分点');
