import type { ChartInputs } from '../charts/types';
import type { StoryContent } from '../content/types';

/** What every build-time renderer of a page needs: where to build, from what data, in which copy. */
export interface PageContext {
  document: Document;
  inputs: ChartInputs;
  content: StoryContent;
}
