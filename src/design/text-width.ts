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

/**
 * The width of a text drawn bold (font-weight 600 or 700), for labels drawn bold or made bold when
 * chosen (the map's town labels). Latin bold runs about a tenth wider than regular, and m and w far
 * wider than the regular estimate's 0.56 (measured in Noto Sans CJK SC Bold: m 0.96, w 0.86, h n u
 * 0.64, capitals up to 0.92); CJK stays one em. Like the regular estimate, it errs wide.
 */
export function estimateBoldTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const character of text) em += boldAdvance(character);
  return em * fontSize;
}

function boldAdvance(character: string): number {
  const code = character.codePointAt(0)!;
  if (character === ' ') return 0.3;
  if (code >= 0x2000 && code <= 0x206f) return 0.75;
  if (code >= 0x2e80 || (code >= 0x2190 && code <= 0x21ff)) return 1;
  if (/[mwMW]/.test(character)) return 0.96;
  if (/[A-Z]/.test(character)) return 0.76;
  if (/[0-9%@&]/.test(character)) return 0.66;
  if (/[il.,:;'|!]/.test(character)) return 0.34;
  return 0.64;
}
