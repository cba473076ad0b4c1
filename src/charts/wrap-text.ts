import { estimateTextWidth } from '../design/text-width';
import { EN_BOUND_AFTER, EN_BOUND_BEFORE, ZH_BOUND_AFTER, ZH_BOUND_BEFORE } from '../data/format';
import { UNITS } from '../data/types';

/*
 * Line breaking for text the charts and images draw themselves (the map's key and notes, share
 * cards, the poster): SVG has no line breaking of its own. One width estimate for all
 * (design/text-width.ts); figures are never split.
 */

const NO_LINE_START = /^[，。、；：？！）》」』”’…%·]/;

const escaped = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
const alternatives = (words: Iterable<string>) => `(?:${escaped(words).join('|')})`;
const NUMBER = '[0-9][0-9.,]*';

/**
 * A figure that no line break may split: in Chinese a number with its unit and the bound words
 * around it (突破100亿元, 6.5%以上, 5700人); in English a number with the bound words before it
 * (about 6%, up to 3%) and "or more" with the word it follows (6.5% or more, yuan or more).
 */
const FIGURE = new RegExp(
  [
    // English first: at "6.5% or more" the Chinese rule would take "6.5%" alone.
    `\\S+ ${alternatives(Object.values(EN_BOUND_AFTER))}`,
    `${alternatives(Object.values(EN_BOUND_BEFORE))} (?:US\\$)?${NUMBER}%?`,
    `${alternatives(ZH_BOUND_BEFORE)}${NUMBER}${alternatives(UNITS)}?${alternatives(ZH_BOUND_AFTER)}?`,
    `${NUMBER}${alternatives(UNITS)}${alternatives(ZH_BOUND_AFTER)}?`,
    `${NUMBER}${alternatives(ZH_BOUND_AFTER)}`,
  ]
    // With the punctuation after it (never the start of a line) and its space.
    .map((figure) => `${figure}[.,:;)’']*\\s*`)
    .join('|'),
  'u',
).source;

/** Breaks text into lines no wider than maxWidth: between words in English, between characters in Chinese, never inside a figure. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const tokens = text.match(new RegExp(`${FIGURE}|[A-Za-z0-9.,:;'’%()\\-–+−/&]+\\s*|\\s+|.`, 'gsu')) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line !== '' && estimateTextWidth(candidate.trimEnd(), fontSize) > maxWidth && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
    // A single Latin word wider than the line: break it by character. (A line kept long so that
    // it does not start with closing punctuation is not cut: that would start the next with it.)
    const oneToken = line === token.trimStart();
    while (
      oneToken &&
      estimateTextWidth(line.trimEnd(), fontSize) > maxWidth &&
      line.length > 1 &&
      [...line].length > 1
    ) {
      const chars = [...line];
      let cut = chars.length - 1;
      while (cut > 1 && estimateTextWidth(chars.slice(0, cut).join(''), fontSize) > maxWidth) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
