/**
 * The site's paths as the docs name them: the routes table the pages use (src/routes/routes.ts), so
 * the docs' generators and the site cannot disagree on a URL.
 */
export { chartRoutes, imageRoutes, PAGE_IDS, route, type PageId } from '../../../src/routes/routes';
export { SCRIPTED_PARTS_FILE, WIDE_CHARTS_FILE } from '../../../src/site/move-templates-out';
