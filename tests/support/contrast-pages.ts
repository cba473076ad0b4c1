/**
 * The pages whose text contrast tests/browser/contrast.test.ts judges with axe in both themes, at
 * CONTRAST_VIEWPORT, the story with every chart shown. Other axe checks of these pages at that width
 * leave out that one rule (tests/support/axe.ts): it is by far axe's slowest, and judged there once.
 * The English explorer and desk are the same markup as the Chinese ones and the slowest pages to
 * judge, so they are not listed: their own axe checks (report.test, embed.test) keep the rule.
 */
export const CONTRAST_VIEWPORT = { width: 1280, height: 800 };

export const CONTRAST_PAGES: Array<[name: string, path: string]> = [
  ['story', ''],
  ['story (en)', 'en/'],
  ['report', 'report/'],
  ['report (en)', 'en/report/'],
  ['data', 'data/'],
  ['data (en)', 'en/data/'],
  ['explorer', 'data/explore/'],
  ['desk', 'embed/'],
  ['embed', 'embed/headline-targets/'],
  ['embed (en)', 'en/embed/rate-target-shifts/'],
  ['map embed', 'embed/town-map/'],
  ['map embed (en)', 'en/embed/town-map/'],
  ['404', 'no-such-chart/'],
];
