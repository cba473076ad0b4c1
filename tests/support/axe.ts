import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The serious and critical axe violations on a page, each as "rule: first three targets", so a
 * failing expectation names what to fix. `configure` narrows the run (include, exclude).
 */
export async function seriousViolations(page: Page, configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder): Promise<string[]> {
  const { violations } = await configure(new AxeBuilder({ page })).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}
