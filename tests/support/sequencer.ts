import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first. With no timings cached (a fresh clone, CI)
 * vitest starts the largest files first, and contrast.test.ts, short but the slowest, would start
 * last and keep one worker busy alone at the end. Once vitest has timings it orders by them.
 */
const SLOWEST_FIRST = [
  // The units' longest file runs the formatter, the linter and knip: started last, it ran alone at
  // the end of the unit group with one worker idle.
  'unit/code-tools',
  ...['contrast', 'report', 'story', 'embed', 'guarantees'].map((name) => `browser/${name}`),
].map((name) => `/tests/${name}.test.ts`);

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOWEST_FIRST.findIndex((suffix) => file.moduleId.replaceAll('\\', '/').endsWith(suffix));
      return at < 0 ? SLOWEST_FIRST.length : at;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
