import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser, pageReady } from '../support/browser';
import { seriousViolations } from '../support/axe';

const baseUrl = inject('baseUrl');
const CHANGLE = '511303107';
const browser = sharedBrowser();

async function mapPage(path: string, width: number, javaScriptEnabled = true): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  if (javaScriptEnabled) await pageReady(page);
  return { page, close: () => context.close() };
}

const visibleMap = (page: Page) => page.locator('#section-map figure[data-chart="town-map"] .chart-svg:visible svg');

describe.each([['zh', '', '长乐镇', '江陵镇'], ['en', 'en/', 'Changle', 'Jiangling']])('the town map (%s)', (_lang, path, changle, jiangling) => {
  it.each([375, 1280])('renders with 长乐镇 and 江陵镇 labelled at %i px', async (width) => {
    const { page, close } = await mapPage(path, width);
    await page.locator('#section-map').scrollIntoViewIfNeeded();
    const labels = await visibleMap(page).locator('.map-town-label').allTextContents();
    expect(labels).toContain(changle);
    expect(labels).toContain(jiangling);
    await close();
  });

  it('opens a town\'s projects on click, and on focus + Enter', async () => {
    const { page, close } = await mapPage(path, 1280);
    const section = page.locator('#section-map');
    await section.locator('.step').first().evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - innerHeight * 0.55));
    await expect.poll(() => section.locator('.chart.is-active').getAttribute('data-chart')).toBe('town-map');
    const panel = section.locator('.map-panel');
    expect(await panel.isVisible()).toBe(false);

    await visibleMap(page).locator(`[data-town="${CHANGLE}"]`).click();
    await expect.poll(() => panel.isVisible()).toBe(true);
    const expected = await page.locator(`#town-${CHANGLE} .project`).count();
    expect(expected).toBeGreaterThan(2);
    expect(await panel.locator('.project').count()).toBe(expected);
    expect(await panel.textContent()).toContain('长乐镇创建省级现代竹产业基地');

    await panel.locator('.map-panel-close').click();
    expect(await panel.isVisible()).toBe(false);

    const town = visibleMap(page).locator(`[data-town="${CHANGLE}"]`);
    await town.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.project').count()).toBe(expected);
    expect(await town.getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(page, (builder) => builder.include('#section-map'))).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-town'))).toBe(CHANGLE);
    await close();
  });

  it('shows the map and every town\'s projects without JavaScript', async () => {
    const { page, close } = await mapPage(path, 375, false);
    await expect.poll(() => visibleMap(page).count()).toBe(1);
    expect(await visibleMap(page).locator('[data-town]').count()).toBe(19);
    expect(await page.locator(`#town-${CHANGLE}`).isVisible()).toBe(true);
    expect(await page.locator('#town-district-wide .project').count()).toBeGreaterThan(0);
    await close();
  });
});
