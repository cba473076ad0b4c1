import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser, pageReady, afterNextFrames } from '../support/browser';
import { seriousViolations } from '../support/axe';

const baseUrl = inject('baseUrl');
const CHANGLE = '511303107';
const JIANGLING = '511303103';
const browser = sharedBrowser();

const PHONES = [
  { width: 360, height: 640 },
  { width: 375, height: 667 },
  { width: 414, height: 896 },
];
const LANGS = [
  ['zh', '', '长乐镇'],
  ['en', 'en/', 'Changle Town'],
] as const;

async function mapPage(
  path: string,
  viewport: { width: number; height: number },
  javaScriptEnabled = true,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser().newContext({
    viewport,
    javaScriptEnabled,
    hasTouch: viewport.width < 700,
    isMobile: false,
  });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  if (javaScriptEnabled) await pageReady(page);
  return { page, close: () => context.close() };
}

const visibleMap = (page: Page) => page.locator('#section-map figure[data-chart="town-map"] .chart-svg:visible svg');
const panel = (page: Page) => page.locator('#section-map .map-panel');

/** How many projects the town's prerendered entry lists (the story keeps it in the finder's template). */
const entryProjects = (page: Page, code: string) =>
  page.evaluate((id) => {
    const template = document.querySelector<HTMLTemplateElement>('.town-finder template.town-entries');
    return template?.content.querySelector(`#${id}`)?.querySelectorAll('.project').length ?? -1;
  }, `town-${code}`);

/** What is on top at the centre of the town's dot, and where the dot and the sheet are. */
const townHit = (page: Page, code: string) =>
  page.evaluate((town) => {
    const dot = Array.from(document.querySelectorAll(`#section-map .town-map [data-town="${town}"] .map-dot`)).find(
      (d) => d.getBoundingClientRect().width > 0,
    )!;
    const box = dot.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    const sheet = document.querySelector('#section-map .map-panel')!.getBoundingClientRect();
    return {
      topmostTown: top?.closest('[data-town]')?.getAttribute('data-town') ?? null,
      dotBottom: box.bottom,
      dotTop: box.top,
      sheetTop: sheet.top,
      sheetHeight: sheet.height,
      viewport: innerHeight,
    };
  }, code);

/** Brings the map to the middle of the screen (stacked or sticky, whichever this screen gets). */
async function scrollToMap(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelector('#section-map .chart-svg--narrow svg')!.scrollIntoView({ block: 'center' }),
  );
  await expect
    .poll(() =>
      page.evaluate(() => {
        const dot = Array.from(document.querySelectorAll('#section-map .town-map .map-dot')).find(
          (d) => d.getBoundingClientRect().width > 0,
        );
        const box = dot?.getBoundingClientRect();
        return !!box && box.top > 0 && box.bottom < innerHeight;
      }),
    )
    .toBe(true);
}

/** Opens the town's sheet by tapping its dot where it is on screen (the reader's way on a phone). */
async function tapTown(page: Page, code: string): Promise<void> {
  const point = await page.evaluate((town) => {
    const hit = Array.from(document.querySelectorAll(`#section-map .town-map [data-town="${town}"] .map-hit`)).find(
      (d) => d.getBoundingClientRect().width > 0,
    )!;
    hit.scrollIntoView({ block: 'center' });
    const box = hit.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, code);
  await afterNextFrames(page);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => panel(page).isVisible()).toBe(true);
  await afterNextFrames(page);
}

describe.each(LANGS)('the town map (%s)', (_lang, path) => {
  it.each([375, 1280])('renders with Changle and Jiangling labelled at %i px', async (width) => {
    const { page, close } = await mapPage(path, { width, height: 900 });
    await page.locator('#section-map').scrollIntoViewIfNeeded();
    const labels = await visibleMap(page).locator('.map-town-label').allTextContents();
    const [changle, jiangling] = _lang === 'zh' ? ['长乐镇', '江陵镇'] : ['Changle', 'Jiangling'];
    expect(labels).toContain(changle);
    expect(labels).toContain(jiangling);
    await close();
  });

  it("opens a town's projects beside it on a wide screen, on click and on focus + Enter; Escape returns focus", async () => {
    const { page, close } = await mapPage(path, { width: 1280, height: 900 });
    const section = page.locator('#section-map');
    await section
      .locator('.step')
      .first()
      .evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - innerHeight * 0.55));
    await expect.poll(() => section.locator('.chart.is-active').getAttribute('data-chart')).toBe('town-map');
    expect(await panel(page).isVisible()).toBe(false);

    await visibleMap(page).locator(`[data-town="${CHANGLE}"]`).click();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    const expected = await entryProjects(page, CHANGLE);
    expect(expected).toBeGreaterThan(2);
    expect(await panel(page).locator('.project').count()).toBe(expected);
    expect(await panel(page).textContent()).toContain('长乐镇创建省级现代竹产业基地');
    // No sheet on a wide screen: no scrim.
    expect(await section.locator('.map-panel-scrim').isVisible()).toBe(false);

    await panel(page).locator('.map-panel-close').click();
    expect(await panel(page).isVisible()).toBe(false);

    const town = visibleMap(page).locator(`[data-town="${CHANGLE}"]`);
    await town.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await panel(page).locator('.project').count()).toBe(expected);
    expect(await town.getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(page, (builder) => builder.include('#section-map'))).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await panel(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-town'))).toBe(CHANGLE);
    await close();
  });

  it('without JavaScript shows the map, hides the select and links to the full town list, which lists every town', async () => {
    const { page, close } = await mapPage(path, { width: 375, height: 667 }, false);
    await expect.poll(() => visibleMap(page).count()).toBe(1);
    expect(await visibleMap(page).locator('[data-town]').count()).toBe(19);
    const finder = page.locator('.town-finder');
    expect(await finder.locator('select').isVisible()).toBe(false);
    // The long list is not in the story's flow any more.
    expect(await page.locator('.town-list:visible').count()).toBe(0);
    const link = finder.locator('.town-finder-more a').first();
    await link.click();
    await page.waitForURL(/embed\/town-map\/#town-list-embed$/);
    await expect.poll(() => page.locator(`#town-${CHANGLE}`).isVisible()).toBe(true);
    expect(await page.locator('.town-list .town-entry[data-town]').count()).toBe(19);
    expect(await page.locator('#town-district-wide .project').count()).toBeGreaterThan(0);
    await close();
  });
});

describe.each(LANGS)('the town finder (%s)', (_lang, path, changleName) => {
  it('keeps its choice across a reload and Back, and ignores a kept value the list does not have', async () => {
    const { page, close } = await mapPage(path, { width: 375, height: 667 });
    const finder = page.locator('.town-finder');
    const cardName = () => finder.locator('.town-card .town-name').textContent();
    await finder.locator('select').selectOption(CHANGLE);
    await expect.poll(cardName).toContain(changleName);

    await page.reload();
    await pageReady(page);
    await expect.poll(cardName).toContain(changleName);
    expect(await finder.locator('select').inputValue()).toBe(CHANGLE);

    // Away to another page of the site and Back: the same card.
    await page.goto(`${baseUrl}${path}data/`);
    await page.goBack();
    await pageReady(page);
    await expect.poll(cardName).toContain(changleName);

    // A forged value in the entry's state is never shown: the finder stays empty.
    await page.evaluate(() => history.replaceState({ townFinder: '"><img src=x>' }, ''));
    await page.reload();
    await pageReady(page);
    expect(await finder.locator('select').inputValue()).toBe('');
    expect(await finder.locator('.town-finder-result').isVisible()).toBe(false);
    await close();
  });
});

describe.each(PHONES)('on a $width×$height phone', (viewport) => {
  describe.each(LANGS)('(%s)', (_lang, path, changleName) => {
    it('"find your township": the select zooms a map to the town and shows its one card, figures in their quotes with links to the report', async () => {
      const { page, close } = await mapPage(path, viewport);
      const finder = page.locator('.town-finder');
      const select = finder.locator('select');
      await select.scrollIntoViewIfNeeded();
      expect(await select.isVisible()).toBe(true);
      expect(await finder.locator('.town-finder-result').isVisible()).toBe(false);
      await select.selectOption(CHANGLE);
      const card = finder.locator('.town-card');
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await card.locator('.town-entry').count()).toBe(1);
      expect(await card.locator('.town-name').textContent()).toContain(changleName);
      const projects = card.locator('.project');
      expect(await projects.count()).toBe(await entryProjects(page, CHANGLE));
      for (const project of await projects.all()) {
        expect((await project.locator('q.project-quote').textContent())?.length).toBeGreaterThan(4);
        expect(await project.locator('a.source-link[href*="report/"]').count()).toBeGreaterThan(0);
      }
      // The zoomed map: the chosen town's dot near the middle of its frame, the frame on screen.
      const measureZoom = () =>
        finder.locator('.town-finder-map').evaluate((slot, code) => {
          const frame = slot.getBoundingClientRect();
          const dot = slot.querySelector(`svg [data-town="${code}"] .map-dot`)!.getBoundingClientRect();
          const source = document
            .querySelector(`#section-map .chart-svg--narrow [data-town="${code}"] .map-dot`)!
            .getBoundingClientRect();
          return {
            dx: (dot.left + dot.width / 2 - frame.left) / frame.width,
            dy: (dot.top + dot.height / 2 - frame.top) / frame.height,
            scale: dot.width / source.width,
            width: frame.width,
          };
        }, CHANGLE);
      // Once laid out, the chosen town sits in the middle half of the zoomed frame.
      await expect
        .poll(async () => {
          const { dx, dy } = await measureZoom();
          return dx > 0.25 && dx < 0.75 && dy > 0.25 && dy < 0.75;
        })
        .toBe(true);
      const zoom = await measureZoom();
      expect(zoom.width).toBeGreaterThan(200);
      expect(zoom.scale).toBeGreaterThan(1.5);
      expect(zoom.dx).toBeGreaterThan(0.2);
      expect(zoom.dx).toBeLessThan(0.8);
      expect(zoom.dy).toBeGreaterThan(0.2);
      expect(zoom.dy).toBeLessThan(0.8);
      // Another pick replaces the card: one card at a time.
      await select.selectOption(JIANGLING);
      await expect.poll(() => card.locator('.town-name').textContent()).not.toContain(changleName);
      expect(await card.locator('.town-entry').count()).toBe(1);
      expect(await seriousViolations(page, (builder) => builder.include('.town-finder'))).toEqual([]);
      await close();
    });

    it('the town sheet: at most 42 % high over a scrim, the town on top above it; the scrim, the handle and Escape close it; it closes when the map scrolls away', async () => {
      const { page, close } = await mapPage(path, viewport);
      await scrollToMap(page);
      await tapTown(page, CHANGLE);
      const scrim = page.locator('#section-map .map-panel-scrim');
      expect(await scrim.isVisible()).toBe(true);
      let hit = await townHit(page, CHANGLE);
      expect(hit.sheetHeight / hit.viewport).toBeLessThanOrEqual(0.42);
      expect(hit.topmostTown).toBe(CHANGLE);
      expect(hit.dotBottom).toBeLessThanOrEqual(hit.sheetTop);
      expect(hit.dotTop).toBeGreaterThanOrEqual(0);

      // A tap on the scrim closes the sheet.
      const scrimPoint = await page.evaluate(() => {
        for (let y = 2; y < innerHeight; y += 8)
          for (let x = 2; x < innerWidth; x += 8) {
            if (document.elementFromPoint(x, y)?.classList.contains('map-panel-scrim')) return { x, y };
          }
        return null;
      });
      expect(scrimPoint).not.toBeNull();
      await page.mouse.click(scrimPoint!.x, scrimPoint!.y);
      await expect.poll(() => panel(page).isVisible()).toBe(false);
      expect(await scrim.isVisible()).toBe(false);

      // Dragging the handle down closes it.
      await tapTown(page, CHANGLE);
      const handle = await page.locator('#section-map .map-panel-handle').boundingBox();
      expect(handle!.height).toBeGreaterThanOrEqual(24);
      await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2 + 40, { steps: 4 });
      await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2 + 120, { steps: 4 });
      await page.mouse.up();
      await expect.poll(() => panel(page).isVisible()).toBe(false);

      // Escape closes it and focus returns to the town.
      await tapTown(page, CHANGLE);
      hit = await townHit(page, CHANGLE);
      expect(hit.topmostTown).toBe(CHANGLE);
      await page.keyboard.press('Escape');
      await expect.poll(() => panel(page).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-town'))).toBe(CHANGLE);

      // Open, then scroll the map off the screen: the sheet and scrim go with it.
      await tapTown(page, CHANGLE);
      await page.evaluate(() =>
        scrollBy(0, document.getElementById('section-map')!.getBoundingClientRect().bottom + innerHeight),
      );
      await expect.poll(() => panel(page).isVisible()).toBe(false);
      expect(await scrim.isVisible()).toBe(false);
      await close();
    });
  });
});
