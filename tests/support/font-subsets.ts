import { onTestFinished } from 'vitest';
import { charactersOf, findCjkFonts, subsetFontFiles } from '../../src/publish/fonts';

/** Font subsets for the characters of some texts, as the build makes them; removed when the test ends. */
export function fontFilesFor(texts: Iterable<string>): string[] {
  const subsets = subsetFontFiles(findCjkFonts(), charactersOf(texts));
  onTestFinished(subsets.remove);
  return subsets.files;
}
