import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { contentByLang } from '../../src/content';
import { storyHtml } from '../support/render';

describe('typography on the story pages', () => {
  it.each(['zh', 'en'] as const)('%s: every filled figure keeps its number and unit on one line', (lang) => {
    const { document } = parseHTML(`<html><body>${storyHtml(contentByLang[lang])}</body></html>`);
    const figures = Array.from(document.querySelectorAll('.figure')).map((el) => el.textContent ?? '');
    expect(figures.length).toBeGreaterThan(10);
    // Every digit in the prose sits inside a figure span (years in the copy aside).
    for (const p of Array.from(document.querySelectorAll('.step p, .hero-dek, .prose:not(.town-list) > p'))) {
      const loose = Array.from(p.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join('');
      expect(loose.replace(/20\d\d|G318|GCJ-02|WGS84/g, ''), p.textContent ?? '').not.toMatch(/\d/);
    }
  });

  it('explains "pp" as percentage points in English before a chart uses it', () => {
    const html = storyHtml(contentByLang.en);
    const explained = html.indexOf('percentage points (pp)');
    expect(explained).toBeGreaterThan(-1);
    expect(html.indexOf(' pp<')).toBeGreaterThan(explained);
  });
});
