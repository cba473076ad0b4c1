import type { Lang } from './types';
import type { ChartText } from '../content/types';
import type { Place } from './context';
import { EN_BOUND_BEFORE, formatValue } from './format';
import type { LevelFigure } from './levels';

const ZH_BEFORE = ['突破', '超过', '超', '稳超', '不超过'];
const ZH_AFTER = ['以上', '左右', '以内'];
// The report's bound words, plus the one only the higher levels' documents use.
const EN_BEFORE: Record<string, string> = { ...EN_BOUND_BEFORE, 不超过: 'no more than' };
const EN_AFTER: Record<string, string> = { 以上: 'or more' };

/**
 * A context figure as its document words it: value, unit and bound (5.5%以上 / 5.5% or more). A
 * qualitative aim is its own words (基本同步 / "basically in step").
 */
function formatLevelFigure(figure: LevelFigure, lang: Lang, inStep: { same: string; basically: string }): string {
  if (figure.value === null) return figure.statement === '基本同步' ? inStep.basically : inStep.same;
  if (lang === 'zh') {
    const bound = figure.bound;
    const value =
      bound === '余'
        ? `${formatValue(figure.value, figure.unit, 'zh')}`.replace(figure.unit, `余${figure.unit}`)
        : formatValue(figure.value, figure.unit, 'zh');
    return `${ZH_BEFORE.includes(bound) ? bound : ''}${value}${ZH_AFTER.includes(bound) ? bound : ''}`;
  }
  return [EN_BEFORE[figure.bound], formatValue(figure.value, figure.unit, 'en'), EN_AFTER[figure.bound]]
    .filter(Boolean)
    .join(' ');
}

const PLACE_KEY: Record<Place, 'placeGaoping' | 'placeNanchong' | 'placeSichuan' | 'placeChina'> = {
  gaoping: 'placeGaoping',
  nanchong: 'placeNanchong',
  sichuan: 'placeSichuan',
  china: 'placeChina',
};

export function placeLabel(place: Place, text: ChartText): string {
  return text[PLACE_KEY[place]];
}

/** A figure in words, marked when derived: 5.1%（推算） / 5.1% (derived). */
export function figureText(figure: LevelFigure, lang: Lang, text: ChartText): string {
  const value = formatLevelFigure(figure, lang, { same: text.inStep, basically: text.basicallyInStep });
  if (!figure.derived) return value;
  return lang === 'zh' ? `${value}（${text.derived}）` : `${value} (${text.derived})`;
}

/** Why a cell's figure is not drawn: no target, a proxy, a different scope; null when it is drawn or absent. */
export function caveatOf(figure: LevelFigure | null, text: ChartText): string | null {
  if (figure === null) return null;
  if (figure.comparability === 'proxy') return text.proxyNotCompared;
  if (figure.comparability === 'different-scope') return text.differentScopeNotCompared;
  return null;
}
