import type { z } from 'zod';
import type { chartTextSchema, citeTextSchema, shareTextSchema, storyContentSchema } from './schema';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type Bilingual = Record<Lang, string>;
/** Each language's code in HTML (lang, hreflang). */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** Everything one language's copy holds; inferred from the schema, so the two cannot drift. */
export type StoryContent = z.infer<typeof storyContentSchema>;
/** Words the charts draw, one set per language. */
export type ChartText = z.infer<typeof chartTextSchema>;
export type Block = StoryContent['blocks'][number];
export type Step = Extract<Block, { type: 'scrolly' }>['steps'][number];
export type ChartCopy = StoryContent['charts'][string];
/** Share images, poster and print-image copy. */
export type ShareText = z.infer<typeof shareTextSchema>;
/** The "cite this" box and the licence statement. */
export type CiteText = z.infer<typeof citeTextSchema>;
