import zh from './zh.json';
import en from './en.json';
import type { Lang } from '../data/types';
import type { StoryContent } from '../story/content-types';

/** The story copy, one content file per language. Shape is checked by tests/unit/content.test.ts. */
export const contentByLang: Record<Lang, StoryContent> = {
  zh: zh as StoryContent,
  en: en as StoryContent,
};
