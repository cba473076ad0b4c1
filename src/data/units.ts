import { shiftDecimal, unitPower } from './format';

/**
 * Every unit the report uses, in English, and the base unit a value in 万/亿 comes to (312.5亿元 is
 * 31,250,000,000 元). The data files carry both beside the report's own unit (unit_en,
 * value_base, unit_base); a unit missing here stops the build, naming the record.
 */
interface UnitInfo {
  en: string;
}

/** The unit's name in English; its power of ten is format.ts's (ENGLISH_UNITS), written once. */
const unit = (en: string): UnitInfo => ({ en });

const UNITS: Record<string, UnitInfo> = {
  '%': unit('%'),
  百分点: unit('percentage points'),
  亿元: unit('100 million yuan'),
  万元: unit('10,000 yuan'),
  万美元: unit('10,000 US dollars'),
  万吨: unit('10,000 tonnes'),
  // Grain in the provincial and national reports (context records).
  亿斤: unit('100 million jin'),
  万亿斤: unit('trillion jin'),
  万亩: unit('10,000 mu'),
  万头: unit('10,000 head'),
  万平方米: unit('10,000 square metres'),
  万人: unit('10,000 people'),
  万人次: unit('10,000 visits'),
  万户: unit('10,000 households'),
  万台: unit('10,000 units'),
  平方公里: unit('square kilometres'),
  公里: unit('kilometres'),
  亩: unit('mu'),
  人: unit('people'),
  位: unit('people'),
  户: unit('households or enterprises'),
  个: unit('items'),
  家: unit('enterprises'),
  件: unit('items'),
  项: unit('projects or items'),
  辆: unit('vehicles'),
  台: unit('units'),
  部: unit('units'),
  套: unit('sets or homes'),
  座: unit('structures'),
  处: unit('sites'),
  条: unit('lines'),
  类: unit('categories'),
  次: unit('times'),
  '场(次)': unit('events'),
  轮: unit('rounds'),
  起: unit('cases'),
  方阵: unit('groups'),
  年: unit('years'),
  天: unit('days'),
  星级: unit('stars'),
  '微克/立方米': unit('µg/m³'),
};

class UnknownUnitError extends Error {}

function info(value: string, where: string): UnitInfo {
  const found = UNITS[value];
  if (!found)
    throw new UnknownUnitError(`${where}: unit "${value}" has no English name and base unit in src/data/units.ts`);
  return found;
}

/** The unit in English ("100 million yuan"); `where` names the record for the error. */
export function unitEn(value: string, where: string): string {
  return info(value, where).en;
}

/** The value in base units (312.5 亿元 → 31250000000) and that unit (元); units without 万/亿 are kept. */
export function inBaseUnit(value: number, unitName: string, where: string): { value: number; unit: string } {
  info(unitName, where);
  // Rates (%, 百分点) are not in ENGLISH_UNITS: a unit without 万/亿 carries no power of ten.
  const power = unitPower(unitName) ?? (/^(万|亿)/.test(unitName) ? undefined : 0);
  if (power === undefined)
    throw new UnknownUnitError(
      `${where}: unit "${unitName}" has no power of ten in src/data/format.ts (ENGLISH_UNITS)`,
    );
  // The base unit is the unit without its 万/亿/万亿 (亿元 → 元, 万人次 → 人次).
  return power === 0
    ? { value, unit: unitName }
    : { value: shiftDecimal(value, power), unit: unitName.replace(/^(万亿|亿|万)/, '') };
}
