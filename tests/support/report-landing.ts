import type { Page } from 'playwright-core';

/**
 * What a reader sees after following a link to a record's sentence on /report/: the text of the
 * highlighted (current) quote, or why there is none ('no highlight', 'off screen'). Tests poll it.
 */
export function highlightedQuoteOnScreen(page: Page, recordId: string): Promise<string> {
  return page.evaluate((id) => {
    const ref = document.getElementById(`q-${id}`);
    if (!ref) return 'no highlight';
    const box = ref.getBoundingClientRect();
    if (box.bottom < 0 || box.top > innerHeight) return 'off screen';
    return Array.from(document.querySelectorAll('mark.q-text.is-current'))
      .map((mark) => mark.textContent)
      .join('');
  }, recordId);
}
