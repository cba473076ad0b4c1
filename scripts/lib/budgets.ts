/**
 * The performance budgets `npm run bench` (scripts/bench.ts) holds the site to. docs/performance.md
 * shows them from here (`npm run docs`), so a budget is written once.
 */
export const BUILD_LIMIT_S = 60;
export const IMAGES_LIMIT_S = 30;
export const PRERENDER_LIMIT_MS = 200;
export const DOM_LIMIT = 1500;
export const STORY_JS_LIMIT_KB = 35;
export const EMBED_JS_LIMIT_KB = 25;
/** The annotated report, the explorer and the data page: site pages with a little script each. */
export const SITE_PAGE_JS_LIMIT_KB = 30;
/** One frame: filtering the whole explorer table and re-rendering it, median, in Chromium. */
export const EXPLORE_FILTER_LIMIT_MS = 16;
export const PERFORMANCE_FLOOR = 98;
export const ACCESSIBILITY_MIN = 100;
/** Each measured page's LCP within this multiple of the floor's (the story's title and first paragraph as bare HTML). */
export const FLOOR_RATIO_LIMIT = 1.15;
export const LCP_LIMIT_MS = 1000;
export const TBT_LIMIT_MS = 50;
export const CLS_LIMIT = 0.01;
