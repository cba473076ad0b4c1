import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { site } from './site';
import { CONTRAST_PAGES, CONTRAST_VIEWPORT } from './contrast-pages';

/**
 * axe for one page. Legacy mode runs axe in the page and its (same-origin) frames and skips the
 * blank page the default mode opens for every run to merge the frames' results. Only violations are
 * reported in full: axe otherwise writes a selector and an HTML excerpt for every node that passed
 * every rule, which on the explorer (about 6,000 elements) cost more than judging them. What it
 * judges, and the violations it finds, are the same either way.
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/** The axe-core that @axe-core/playwright injects into pages (it resolves its own dependency). */
const axeCore = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as {
  version: string;
  _audit?: { rules: Array<{ id: string; impact?: string }> };
};

/**
 * The rules whose violations can never be serious or critical. In axe-core 4.x every rule carries
 * its impact, and a violation of the rule takes that impact whichever check failed (axe's
 * finalizeRuleResult), so a rule of minor or moderate impact can never fail seriousViolations():
 * running it costs time and decides nothing. Read from the axe that runs, so an upgrade that moves a
 * rule up is judged again; a rule without an impact stops the run instead of being guessed at.
 */
const RULES_BELOW_SERIOUS: string[] = (() => {
  const rules = axeCore._audit?.rules;
  if (!rules || rules.length < 50) throw new Error(`axe-core ${axeCore.version}: cannot read its rules' impacts`);
  const unknown = rules.filter((rule) => !['minor', 'moderate', 'serious', 'critical'].includes(rule.impact ?? ''));
  if (unknown.length > 0)
    throw new Error(`axe-core ${axeCore.version}: rules without an impact: ${unknown.map((r) => r.id).join(', ')}`);
  return rules.filter((rule) => rule.impact === 'minor' || rule.impact === 'moderate').map((rule) => rule.id);
})();

/** Whether contrast.test.ts judges this page's contrast, in both themes, at this page's width. */
function contrastJudgedElsewhere(page: Page): boolean {
  if (!page.url().startsWith(site.baseUrl) || page.viewportSize()?.width !== CONTRAST_VIEWPORT.width) return false;
  const path = new URL(page.url()).pathname.slice(new URL(site.baseUrl).pathname.length);
  return CONTRAST_PAGES.some(([, listed]) => listed === path);
}

/**
 * The serious and critical axe violations on a page, each as "rule: first three targets", so a
 * failing expectation names what to fix. `configure` narrows the run (include, exclude). Colour
 * contrast is left to contrast.test.ts for the pages it judges (tests/support/contrast-pages.ts),
 * and the rules that cannot report a serious or critical violation are not run.
 */
export async function seriousViolations(
  page: Page,
  configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder,
): Promise<string[]> {
  const builder = axeFor(page).disableRules([
    ...RULES_BELOW_SERIOUS,
    ...(contrastJudgedElsewhere(page) ? ['color-contrast'] : []),
  ]);
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
