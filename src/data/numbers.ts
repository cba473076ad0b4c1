/**
 * Does `text` state `value`? The number must stand on its own (not inside a longer number),
 * and a negative value must be worded as a fall, because the report writes 下降3.3%, never −3.3%.
 */
export function quoteStatesValue(text: string, value: number): boolean {
  const digits = String(Math.abs(value));
  const escaped = digits.replace('.', '\\.');
  const standalone = new RegExp(`(?<![0-9.])${escaped}(?![0-9]|\\.[0-9])`);
  const wordedAsFall = new RegExp(`(?:下降|减少|降低|下滑)${escaped}(?![0-9]|\\.[0-9])`);
  if (!standalone.test(text)) return false;
  return value < 0 ? /下降|减少|降低|下滑/.test(text) : !wordedAsFall.test(text);
}

/** Number of decimals written in a value, so derived differences can be rounded honestly. */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The value of a run of Chinese numerals (五 → 5, 十四 → 14, 千亿 → 1e11, 两 → 2); NaN if it is not one. */
export function chineseNumeralValue(text: string): number {
  if (text.length === 0) return NaN;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in CHINESE_DIGITS) {
      if (digit !== null) return NaN;
      digit = CHINESE_DIGITS[char]!;
    } else if (char in CHINESE_SMALL_UNITS) {
      section += (digit ?? 1) * CHINESE_SMALL_UNITS[char]!;
      digit = null;
    } else if (char in CHINESE_LARGE_UNITS) {
      const unit = CHINESE_LARGE_UNITS[char]!;
      const part = section + (digit ?? 0);
      total = (total + (part === 0 ? 1 : part)) * unit;
      section = 0;
      digit = null;
    } else {
      return NaN;
    }
  }
  return total + section + (digit ?? 0);
}

/** Power of ten a unit carries in its first character (万元 → 4, 亿元 → 8), 0 otherwise. */
function unitPower(unit: string): number {
  return unit.startsWith('亿') ? 8 : unit.startsWith('万') ? 4 : 0;
}

/** Does a Chinese numeral as written (千亿) equal value in unit (1000 亿元)? */
export function writtenStatesValue(written: string, value: number, unit: string): boolean {
  const numeral = chineseNumeralValue(written);
  if (Number.isNaN(numeral)) return false;
  const power = /[万亿]$/.test(written) && unitPower(unit) > 0 ? unitPower(unit) : 0;
  return Math.abs(numeral / 10 ** power - value) < 1e-9;
}
