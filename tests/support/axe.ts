import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { site } from './site';
import { CONTRAST_PAGES, CONTRAST_VIEWPORT } from './contrast-pages';

/**
 * axe for one page. Legacy mode runs axe in the page and its (same-origin) frames and skips the
 * blank page the default mode opens for every run to merge the frames' results.
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true);
}

/** Whether contrast.test.ts judges this page's contrast, in both themes, at this page's width. */
function contrastJudgedElsewhere(page: Page): boolean {
  if (!page.url().startsWith(site.baseUrl) || page.viewportSize()?.width !== CONTRAST_VIEWPORT.width) return false;
  const path = new URL(page.url()).pathname.slice(new URL(site.baseUrl).pathname.length);
  return CONTRAST_PAGES.some(([, listed]) => listed === path);
}

/**
 * The serious and critical axe violations on a page, each as "rule: first three targets", so a
 * failing expectation names what to fix. `configure` narrows the run (include, exclude). Colour
 * contrast is left to contrast.test.ts for the pages it judges (tests/support/contrast-pages.ts).
 */
export async function seriousViolations(
  page: Page,
  configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder,
): Promise<string[]> {
  const builder = axeFor(page);
  if (contrastJudgedElsewhere(page)) builder.disableRules(['color-contrast']);
  const { violations } = await configure(builder).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}
