/**
 * The one estimate of how wide a text is drawn, for layout without a layout engine: chart labels
 * and margins, the story's phone-fit rules, share cards and the poster. CJK and full-width forms are
 * one em, and so are arrows (→); general punctuation (– — …) 0.7, Latin capitals and digits 0.66, narrow marks (i l . , :)
 * and spaces 0.3, other Latin 0.56. It errs wide: a label given too much room looks loose, one given
 * too little overlaps or runs off a card.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  return widthBy(text, fontSize, REGULAR);
}

/**
 * The width of a text drawn bold (font-weight 600 or 700), for labels drawn bold or made bold when
 * chosen (the map's town labels). Latin bold runs about a tenth wider than regular, and m and w far
 * wider than the regular estimate's 0.56 (measured in Noto Sans CJK SC Bold: m 0.96, w 0.86, h n u
 * 0.64, capitals up to 0.92); CJK stays one em. Like the regular estimate, it errs wide.
 */
export function estimateBoldTextWidth(text: string, fontSize: number): number {
  return widthBy(text, fontSize, BOLD);
}

/** The kinds of character whose advances differ, in the order they are told apart. */
type CharacterClass = 'space' | 'punctuation' | 'wide' | 'mw' | 'capitalMW' | 'capital' | 'figure' | 'narrow' | 'other';

/** Advances in em, one table per weight. */
const REGULAR: Record<CharacterClass, number> = {
  space: 0.3,
  punctuation: 0.7,
  wide: 1,
  // Regular m and w are within the Latin average; capital M and W are capitals.
  mw: 0.56,
  capitalMW: 0.66,
  capital: 0.66,
  figure: 0.66,
  narrow: 0.3,
  other: 0.56,
};
const BOLD: Record<CharacterClass, number> = {
  space: 0.3,
  punctuation: 0.75,
  wide: 1,
  mw: 0.96,
  capitalMW: 0.96,
  capital: 0.76,
  figure: 0.66,
  narrow: 0.34,
  other: 0.64,
};

function classOf(character: string): CharacterClass {
  const code = character.codePointAt(0)!;
  if (character === ' ') return 'space';
  if (code >= 0x2000 && code <= 0x206f) return 'punctuation';
  // Arrows (→ in "6.1% → 6.5%") are full width in the CJK fonts the site and the images use.
  if (code >= 0x2e80 || (code >= 0x2190 && code <= 0x21ff)) return 'wide';
  if (character === 'm' || character === 'w') return 'mw';
  if (character === 'M' || character === 'W') return 'capitalMW';
  if (/[A-Z]/.test(character)) return 'capital';
  if (/[0-9%@&]/.test(character)) return 'figure';
  if (/[il.,:;'|!]/.test(character)) return 'narrow';
  return 'other';
}

function widthBy(text: string, fontSize: number, advances: Record<CharacterClass, number>): number {
  let em = 0;
  for (const character of text) em += advances[classOf(character)];
  return em * fontSize;
}
