import zh from './zh.json';
import en from './en.json';
import { storyContentSchema } from './schema';
import type { Lang, StoryContent } from './types';

export const CONTENT_FILES: Record<Lang, string> = { zh: 'src/content/zh.json', en: 'src/content/en.json' };

/** Checks one language's copy against the schema; the error names the file and every bad field. */
function parseContent(value: unknown, file: string): StoryContent {
  const result = storyContentSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${file}: content: field "${issue.path.join('.') || '(root)'}": ${issue.message}`,
  );
  throw new Error(
    `Invalid copy (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.join('\n')}`,
  );
}

/** The story copy, one content file per language, validated when first imported (at build time). */
export const contentByLang: Record<Lang, StoryContent> = {
  zh: parseContent(zh, CONTENT_FILES.zh),
  en: parseContent(en, CONTENT_FILES.en),
};
