import type { Browser } from 'playwright-core';

/**
 * Median time, in Chromium, for the explorer to filter its whole table and re-render it: a change
 * of a filter or of the search text is dispatched, the page's handler runs synchronously, and the
 * forced layout afterwards counts too. Views cycle through filters and searches that keep few,
 * many and all rows, so both hiding and re-showing rows are measured.
 */
export async function exploreFilterMedianMs(
  browser: Browser,
  url: string,
  rounds = 60,
): Promise<{ median: number; rows: number; samples: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url);
    await page.waitForSelector('form.explore-filters:not([hidden])');
    const result = await page.evaluate((count) => {
      const form = document.querySelector<HTMLFormElement>('form.explore-filters')!;
      const sector = form.elements.namedItem('sector') as HTMLSelectElement;
      const search = form.elements.namedItem('q') as HTMLInputElement;
      const sectors = Array.from(sector.options).map((o) => o.value);
      const queries = ['', '增长', 'growth', '亿元', '长乐', '', '６．１％', 'zzz'];
      const samples: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        if (i % 2 === 0) {
          sector.value = sectors[i % sectors.length]!;
          sector.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          search.value = queries[i % queries.length]!;
          search.dispatchEvent(new Event('input', { bubbles: true }));
        }
        void document.body.offsetHeight;
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      return {
        median: samples[Math.floor(samples.length / 2)]!,
        rows: document.querySelectorAll('.explore-table tbody tr').length,
        samples,
      };
    }, rounds);
    return result;
  } finally {
    await page.close();
  }
}
