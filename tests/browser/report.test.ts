import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { sharedBrowser, pageReady } from '../support/browser';
import { highlightedQuoteOnScreen } from '../support/report-landing';
import { hostileQueries, FUZZ_MARKER } from '../support/fuzz';
import { loadDataset } from '../../src/data/load-node';
import { provenance } from '../../src/data/provenance';
import { occurrences } from '../../src/data/ledger';
import { loadReportText } from '../../src/data/report-node';
import { seriousViolations } from '../support/axe';

const baseUrl = inject('baseUrl');
const dataset = loadDataset();
const entries = provenance(dataset);
const quoteOf = new Map(entries.map((entry) => [entry.id, entry.quote]));
const reportText = loadReportText();
const browser = sharedBrowser();

async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser().newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(baseUrl + path);
  await pageReady(page);
  return { context, page, errors };
}

/** Clicks a source link that opens the report in a new tab, and checks that tab landed on the link's record. */
async function followToNewTab(context: BrowserContext, link: Locator): Promise<Page> {
  const id = (await link.getAttribute('data-entry'))!;
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expectLandedOn(tab, id);
  return tab;
}

/** The report is open at a record: its highlight is on screen and exactly its quote is marked as current. */
async function expectLandedOn(page: Page, id: string): Promise<void> {
  await page.waitForURL((url) => /\/report\/$/.test(url.pathname) && url.hash === `#q-${id}`);
  await expect.poll(() => highlightedQuoteOnScreen(page, id)).toBe(quoteOf.get(id));
}

describe.each([
  ['zh', 'report/'],
  ['en', 'en/report/'],
])('the annotated report (%s)', (lang, path) => {
  it('gives every record exactly one highlight, and every highlight resolves to a record', async () => {
    const { context, page, errors } = await open(path);
    const highlights = await page.locator('a.q').evaluateAll((refs) =>
      refs.map((ref) => ({
        id: ref.id,
        record: ref.getAttribute('data-record') ?? '',
        card: document.getElementById(`r-${ref.getAttribute('data-record')}`) !== null,
      })),
    );
    const counts = new Map<string, number>();
    for (const highlight of highlights) counts.set(highlight.record, (counts.get(highlight.record) ?? 0) + 1);
    for (const entry of entries) expect(counts.get(entry.id), entry.id).toBe(1);
    for (const highlight of highlights) {
      expect(quoteOf.has(highlight.record), highlight.record).toBe(true);
      expect(highlight.id).toBe(`q-${highlight.record}`);
      expect(highlight.card, highlight.record).toBe(true);
    }
    expect(await page.locator('article.report-text').getAttribute('lang')).toBe('zh-CN');
    if (lang === 'en') expect(await page.locator('a.q').first().textContent()).toMatch(/[A-Za-z]/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks every artefact place as a copy artefact with what the context suggests', async () => {
    const { context, page } = await open(path);
    const artefacts = await page.locator('.artefact').evaluateAll((nodes) =>
      nodes.map((node) => ({
        place: Number(node.getAttribute('data-artefact')),
        note: node.querySelector('.artefact-note')?.textContent ?? '',
        hidden: node.querySelector('.artefact-token')?.getAttribute('aria-hidden'),
      })),
    );
    expect(artefacts).toHaveLength(occurrences(reportText, '亚洲通').length);
    expect(new Set(artefacts.map((a) => a.place)).size).toBe(dataset.source.notes.length);
    for (const artefact of artefacts) {
      expect(
        dataset.source.notes[artefact.place]!.standsFor.some((words) =>
          artefact.note.includes(words[lang as 'zh' | 'en']),
        ),
        artefact.note,
      ).toBe(true);
      expect(artefact.hidden).toBe('true');
    }
    await context.close();
  });

  it('shows a record on click and on Enter, and Escape returns to the highlight', async () => {
    const { context, page } = await open(path);
    const entry = entries.find((e) => e.pairedWith && e.kind === 'target')!;
    await page.click(`#q-${entry.id}`);
    const pop = page.locator('.q-pop');
    await expect.poll(() => pop.isVisible()).toBe(true);
    expect(await pop.textContent()).toContain(entry.quote);
    expect(await pop.locator(`a[href="#q-${entry.pairedWith}"]`).count()).toBe(1);
    await expectLandedOn(page, entry.id);
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`q-${entry.id}`);
    const other = entries.find((e) => e.kind === 'project')!;
    await page.focus(`#q-${other.id}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => pop.textContent()).toContain(other.quote);
    await context.close();
  });

  it('reads completely without JavaScript: every highlight and record is there, and a highlight opens its record', async () => {
    const { context, page } = await open(path, { javaScriptEnabled: false });
    expect(await page.locator('a.q').count()).toBe(entries.length);
    expect(await page.locator('li.q-card').count()).toBe(entries.length);
    const entry = entries[0]!;
    await page.click(`#q-${entry.id}`);
    await expect.poll(() => page.locator(`#r-${entry.id}`).isVisible()).toBe(true);
    expect(await page.locator(`#r-${entry.id}`).textContent()).toContain(entry.quote);
    await context.close();
  });

  it('has no serious or critical axe violations', async () => {
    const { context, page } = await open(path);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("a figure's source link lands on its highlighted sentence", () => {
  it('from a story chart, through the data table on its chart page', async () => {
    const { context, page } = await open('');
    const details = page.locator('details.chart-data').first();
    await details.locator('summary').click();
    await details.locator('a[href*="embed/"]').click();
    await page.waitForURL(/\/embed\/[^/]+\/#desc-embed-/);
    // The link names the table's description, so the browser opens its <details>.
    const table = page.locator('details.chart-data').first();
    await expect.poll(() => table.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    const link = table.locator('a.source-link').first();
    await followToNewTab(context, link);
    await context.close();
  });

  it('from an embed data table, in a new tab', async () => {
    const { context, page } = await open('en/embed/headline-targets/');
    // The table sits one tap away, behind the Table tab.
    await page.locator('.embed-tab[data-view="table"]').click();
    const link = page.locator('details.chart-data a.source-link').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener');
    const tab = await followToNewTab(context, link);
    expect(new URL(tab.url()).pathname).toMatch(/\/en\/report\/$/);
    await context.close();
  });

  it('from the map panel', async () => {
    const { context, page } = await open('embed/town-map/');
    await page.locator('.chart-svg:visible [data-town="511303107"]').first().click();
    const link = page.locator('.map-panel:visible a.source-link').first();
    await expect.poll(() => link.isVisible()).toBe(true);
    await followToNewTab(context, link);
    await context.close();
  });

  it("from the town finder's card and the explorer", async () => {
    const { context, page } = await open('');
    await page.locator('.town-finder select').selectOption('511303107');
    const link = page.locator('.town-finder .town-card a.source-link').first();
    const id = (await link.getAttribute('data-entry'))!;
    await link.click();
    await expectLandedOn(page, id);
    await page.goto(baseUrl + 'data/explore/');
    await pageReady(page);
    const row = page.locator('.explore-table tbody tr').nth(3);
    const explorerLink = row.locator('a.source-link').first();
    const rowEntry = (await explorerLink.getAttribute('data-entry'))!;
    await explorerLink.click();
    await expectLandedOn(page, rowEntry);
    await context.close();
  });
});

const visibleRows = (page: Page) =>
  page
    .locator('.explore-table tbody tr')
    .evaluateAll((rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.id));

describe('the explorer', () => {
  it('reopens a filtered, searched and sorted URL with the same view', async () => {
    const { context, page, errors } = await open('data/explore/');
    const total = (await visibleRows(page)).length;
    await page.selectOption('select[name="sector"]', 'industry');
    await page.fill('input[name="q"]', '增长');
    await page.click('button.sort-button[data-sort="change"]');
    await page.click('button.sort-button[data-sort="change"]');
    await expect.poll(() => page.url()).toContain('dir=desc');
    const url = page.url();
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(total);
    const again = await context.newPage();
    await again.goto(url);
    await pageReady(again);
    await expect.poll(() => visibleRows(again)).toEqual(rows);
    expect(await again.inputValue('select[name="sector"]')).toBe('industry');
    expect(await again.inputValue('input[name="q"]')).toBe('增长');
    expect(await again.locator('th[data-sort="change"]').getAttribute('aria-sort')).toBe('descending');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 375 px phone shows a card per row (name, 2024 → 2025, change chip) and never scrolls sideways', async () => {
    const { context, page } = await open('data/explore/', { width: 375 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const card = page.locator('.explore-table tbody tr#gdp-growth');
    expect(await card.locator('th').isVisible()).toBe(true);
    expect(await card.locator('td.num').textContent()).toContain('→');
    expect(await card.locator('.change-chip').textContent()).toMatch(/[+−]\d/);
    expect(await card.locator('td.quote').isVisible()).toBe(false);
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await context.close();
  });

  it('exports the current view as raw fields, each quote in its own column', async () => {
    const { context, page } = await open('data/explore/?q=%E7%B2%AE%E9%A3%9F');
    await expect.poll(() => visibleRows(page)).toContain('grain-output');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="csv"]')]);
    const csv = csvParse(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''));
    const pair = csv.find((row) => row.id === 'grain-output')!;
    expect(Number(pair.value)).toBeGreaterThan(0);
    expect(pair.unit).toBe('万吨');
    expect(pair.change_unit).toBe('%');
    expect(pair.quote).not.toBe('');
    expect(pair.target_quote).not.toBe('');
    expect(pair.quote!.includes(pair.target_quote!)).toBe(false);
    expect(csv.map((row) => row.id)).toEqual(await visibleRows(page));
    await context.close();
  });

  it('in English exports English words for bounds and commitments, the Chinese quote kept beside its gloss', async () => {
    const { context, page } = await open('en/data/explore/?q=grain');
    await expect.poll(() => visibleRows(page)).toContain('grain-output');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="csv"]')]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const header = text.slice(0, text.indexOf('\n'));
    for (const column of ['bound', 'commitment', 'target_bound', 'target_commitment'])
      expect(header.split(','), column).not.toContain(column);
    const pair = csvParse(text).find((row) => row.id === 'grain-output')!;
    expect(pair.target_bound_en).toBe('or more');
    expect(pair.target_quote).toMatch(/[\u4e00-\u9fff]/);
    expect(pair.target_quote_en).toMatch(/or more$/);
    for (const row of csvParse(text))
      for (const column of ['bound_en', 'commitment_en', 'target_bound_en', 'target_commitment_en'])
        expect(row[column] ?? '', `${row.id} ${column}`).not.toMatch(/[\u3400-\u9fff]/);
    await context.close();
  });

  it('finds Chinese text typed in full-width forms, and treats search text as text', async () => {
    const { context, page } = await open('en/data/explore/');
    await page.fill('input[name="q"]', '６．１％');
    await expect.poll(() => visibleRows(page)).toContain('gdp-growth-2024');
    await page.fill('input[name="q"]', '.*');
    await expect.poll(() => visibleRows(page)).toEqual([]);
    expect(await page.locator('.explore-empty').isVisible()).toBe(true);
    await context.close();
  });

  it('filters by place and by source from the keyboard, and the address keeps both', async () => {
    const { context, page, errors } = await open('en/data/explore/');
    const contextIds = dataset.context!.records;
    const select = page.locator('select[name="place"]');
    await select.focus();
    await page.keyboard.press('ArrowDown'); // Gaoping
    await page.keyboard.press('ArrowDown'); // Nanchong
    await page.keyboard.press('ArrowDown'); // Sichuan
    await expect.poll(() => page.url()).toContain('place=sichuan');
    const sichuan = contextIds.filter((r) => r.place === 'sichuan').map((r) => r.id);
    await expect.poll(() => visibleRows(page)).toEqual(sichuan);
    await page.locator('select[name="source"]').focus();
    await page.selectOption('select[name="source"]', 'sichuan-2026');
    await expect.poll(() => page.url()).toContain('source=sichuan-2026');
    const rows = await visibleRows(page);
    expect(rows).toEqual(contextIds.filter((r) => r.source === 'sichuan-2026').map((r) => r.id));
    // Gaoping's own rows are Gaoping's report.
    await page.goto(`${baseUrl}en/data/explore/?place=gaoping&source=gaoping-2025`);
    await pageReady(page);
    await expect.poll(async () => (await visibleRows(page)).length).toBeGreaterThan(entries.length);
    const again = await context.newPage();
    await again.goto(`${baseUrl}en/data/explore/?place=sichuan&source=sichuan-2026`);
    await pageReady(again);
    await expect.poll(() => visibleRows(again)).toEqual(rows);
    expect(await again.inputValue('select[name="place"]')).toBe('sichuan');
    // A malformed place falls back to every place.
    await again.goto(`${baseUrl}en/data/explore/?place=Sichuan%00&source=sichuan-2026`);
    await pageReady(again);
    await expect.poll(() => visibleRows(again)).toEqual(rows);
    expect(await again.inputValue('select[name="place"]')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("scrolls to and highlights a permalinked row, even when the URL's filters hid it", async () => {
    const { context, page } = await open('data/explore/?sector=agriculture#gdp-growth-2024');
    const row = page.locator('tr#gdp-growth-2024');
    await expect.poll(() => row.getAttribute('class')).toContain('is-target');
    expect(await row.isVisible()).toBe(true);
    expect(
      await row.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }),
    ).toBe(true);
    await context.close();
  });

  it('is the full table without JavaScript', async () => {
    const { context, page } = await open('data/explore/', { javaScriptEnabled: false });
    const total = Number(await page.locator('main.explore').getAttribute('data-total'));
    // The report's records and projects, its pairs, and the context figures of data/context.json.
    expect(total).toBe(
      entries.length +
        entries.filter((e) => e.kind === 'result' && e.pairedWith).length +
        dataset.context!.records.length,
    );
    expect((await visibleRows(page)).length).toBe(total);
    // Controls that need the script are not offered without it.
    expect(await page.locator('form.explore-filters').isVisible()).toBe(false);
    expect(await page.locator('.explore-view-downloads').isVisible()).toBe(false);
    expect(await page.locator('.explore-nojs').isVisible()).toBe(true);
    await context.close();
  });

  it.each(['data/explore/', 'en/data/explore/'])('/%s has no serious or critical axe violations', async (path) => {
    const { context, page } = await open(path);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('33 hostile query strings never break it or inject anything', async () => {
    const keys = ['sector', 'q', 'sort', 'dir', 'year', 'kind', 'change', 'comp', 'town', '__proto__', 'x'];
    const { context, page, errors } = await open('data/explore/');
    for (const query of hostileQueries(33, 99, keys)) {
      await page.goto(`${baseUrl}data/explore/${query}`, { waitUntil: 'load' });
      await pageReady(page);
      const state = await page.evaluate(
        (marker) => ({
          hit: (window as unknown as Record<string, unknown>)[marker],
          injected: document.querySelectorAll(
            'main img, main [onerror], main [onload], main iframe, main script, main b, main svg[onload]',
          ).length,
          status: document.querySelector('.explore-status')?.textContent ?? '',
        }),
        FUZZ_MARKER,
      );
      expect(state.hit, query).toBeUndefined();
      expect(state.injected, query).toBe(0);
      expect(state.status, query).toMatch(/\d/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
