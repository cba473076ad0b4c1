/**
 * What the context data shows, as findings the story words: where Gaoping aims above both levels,
 * where all three aim alike, where the levels above set no target, where a level above fell in
 * 2025. Only figures on Gaoping's own measure take part: a proxy or a different scope is never
 * compared (drawable()), so no sentence can set one beside Gaoping's.
 */
import type { Dataset } from './types';
import type { Place } from './context';
import { cellOf, drawable, levelRows, type LevelFigure, type LevelRow } from './levels';

type Drawn = LevelFigure & { value: number };

export type Finding =
  | { kind: 'aboveBoth' | 'sameAsBoth'; row: LevelRow; gaoping: Drawn; sichuan: Drawn; china: Drawn }
  | { kind: 'aboveSichuanOnly'; row: LevelRow; gaoping: Drawn; sichuan: Drawn }
  | { kind: 'noTargetAbove'; rows: LevelRow[] }
  | { kind: 'fellAbove'; row: LevelRow; gaoping: Drawn; place: Place; result: Drawn };

const ABOVE: Place[] = ['sichuan', 'china'];

/** A target of the same measure and unit as Gaoping's, or null. */
function comparableTarget(row: LevelRow, place: Place, unit: string): Drawn | null {
  const target = cellOf(row, place).target2025;
  return drawable(target) && target.unit === unit ? target : null;
}

export function levelFindings(dataset: Dataset): Finding[] {
  const findings: Finding[] = [];
  const noTargetAbove: LevelRow[] = [];
  for (const row of levelRows(dataset)) {
    const gaoping = cellOf(row, 'gaoping').target2025;
    if (!drawable(gaoping)) continue;
    const sichuan = comparableTarget(row, 'sichuan', gaoping.unit);
    const china = comparableTarget(row, 'china', gaoping.unit);
    if (sichuan && china) {
      if (gaoping.value > sichuan.value && gaoping.value > china.value)
        findings.push({ kind: 'aboveBoth', row, gaoping, sichuan, china });
      else if (gaoping.value === sichuan.value && gaoping.value === china.value)
        findings.push({ kind: 'sameAsBoth', row, gaoping, sichuan, china });
    } else if (sichuan && cellOf(row, 'china').target2025 === null && gaoping.value > sichuan.value) {
      findings.push({ kind: 'aboveSichuanOnly', row, gaoping, sichuan });
    }
    if (ABOVE.every((place) => cellOf(row, place).target2025 === null)) noTargetAbove.push(row);
    for (const place of ABOVE) {
      const result = cellOf(row, place).result2025;
      if (drawable(result) && result.unit === gaoping.unit && result.value < 0)
        findings.push({ kind: 'fellAbove', row, gaoping, place, result });
    }
  }
  if (noTargetAbove.length > 0) findings.push({ kind: 'noTargetAbove', rows: noTargetAbove });
  return findings;
}
