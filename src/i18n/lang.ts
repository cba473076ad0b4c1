/**
 * The two languages of the site, below every other layer: the copy, the data and the map data all
 * carry text in both, so this module imports nothing.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type Bilingual = Record<Lang, string>;
/** Each language's code in HTML (lang, hreflang). */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
