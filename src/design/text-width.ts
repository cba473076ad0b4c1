/**
 * The one estimate of how wide a text is drawn, for layout without a layout engine: chart labels
 * and margins, the story's phone-fit rules, share cards and the poster. CJK and full-width forms are
 * one em, and so are arrows (→); general punctuation (– — …) 0.7, Latin capitals and digits 0.66, narrow marks (i l . , :)
 * and spaces 0.3, other Latin 0.56. It errs wide: a label given too much room looks loose, one given
 * too little overlaps or runs off a card.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) em += advance(character);
  return em * fontSize;
}

function advance(character: string): number {
  const code = character.codePointAt(0)!;
  if (character === ' ') return 0.3;
  if (code >= 0x2000 && code <= 0x206f) return 0.7;
  // Arrows (→ in "6.1% → 6.5%") are full width in the CJK fonts the site and the images use.
  if (code >= 0x2e80 || (code >= 0x2190 && code <= 0x21ff)) return 1;
  if (/[A-Z0-9%@&MW]/.test(character)) return 0.66;
  if (/[il.,:;'|!]/.test(character)) return 0.3;
  return 0.56;
}

/** Characters that may not start a line in Chinese (closing punctuation). */
const NO_LINE_START = /^[，。、；：？！）》」』”’…%·]/;

/** Breaks text into lines no wider than maxWidth: between words in English, between characters in Chinese. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:;'’%()\-–+−/&]+\s*|\s+|./gsu) ?? [];
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
