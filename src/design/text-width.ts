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
