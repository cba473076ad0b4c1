import type { ChartInputs } from '../charts/types';
import type { StoryContent } from '../content/types';

/** What every build-time renderer of a page needs: where to build, from what data, in which copy. */
export interface PageContext {
  document: Document;
  inputs: ChartInputs;
  content: StoryContent;
  /**
   * Where this page reaches other pages from (relative paths). With `report`, figures link each
   * table row and project to its highlighted sentence; `newTab` for pages framed on other sites.
   */
  links?: { report: string; newTab?: boolean };
}
