import glossary from '../content/glossary.json';
import type { Bilingual } from './types';

export interface GlossaryTerm {
  zh: string[];
  en: string;
  short?: string;
  note?: string;
}

export const GLOSSARY: GlossaryTerm[] = glossary.terms;

/** The glossary terms a Chinese label uses whose English term (or short form) the English label lacks. */
export function missingGlossaryTerms(label: Bilingual, terms: GlossaryTerm[] = GLOSSARY): GlossaryTerm[] {
  // Whole words only: a short form (VA) must not be found inside another word (private).
  const hasWord = (word: string) =>
    new RegExp(`(^|[^a-z])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`).test(
      label.en.toLowerCase(),
    );
  return terms.filter(
    (term) =>
      term.zh.some((zh) => label.zh.includes(zh)) &&
      ![term.en, term.short].some((word) => word !== undefined && hasWord(word)),
  );
}

/** A Chinese term in the page's language: itself in Chinese, its glossary term in English. */
export function termIn(zh: string, lang: 'zh' | 'en', terms: GlossaryTerm[] = GLOSSARY): string {
  if (lang === 'zh') return zh;
  const term = terms.find((t) => t.zh.includes(zh));
  if (!term) throw new Error(`src/content/glossary.json has no English term for "${zh}"`);
  return term.en;
}
