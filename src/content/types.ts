import type { z } from 'zod';
import type { chartTextSchema, citeTextSchema, shareTextSchema, storyContentSchema } from './schema';

export { HTML_LANG, LANGS, type Bilingual, type Lang } from '../i18n/lang';

/** Everything one language's copy holds; inferred from the schema, so the two cannot drift. */
export type StoryContent = z.infer<typeof storyContentSchema>;
/** Words the charts draw, one set per language. */
export type ChartText = z.infer<typeof chartTextSchema>;
export type Block = StoryContent['blocks'][number];
export type Step = Extract<Block, { type: 'scrolly' }>['steps'][number];
/** Share images, poster and print-image copy. */
export type ShareText = z.infer<typeof shareTextSchema>;
/** The "cite this" box and the licence statement. */
export type CiteText = z.infer<typeof citeTextSchema>;
