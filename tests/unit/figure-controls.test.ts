/**
 * Every figure the story links to its sentence also opens its quote: the records a figure link
 * names (data-records) are all in the page's template of quotes, for the lede, the KPI pairs, the
 * steps, the prose and the methods alike (the client opens only what the template holds).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { contentByLang } from '../../src/content';
import { toHtml } from '../../src/dom/html';
import { newDocument } from '../../src/site/html-document';
import { storyBody } from '../../src/story/story-page';
import { inputs } from '../support/render';

/** The story's body as the site renders it: with links to the annotated report, so figures link. */
function storyWithLinks(lang: 'zh' | 'en'): string {
  const document = newDocument();
  return storyBody({ document, inputs, content: contentByLang[lang], links: { report: '../report/' } })
    .map((node) => toHtml(node))
    .join('\n');
}

describe('figure controls', () => {
  it.each(['zh', 'en'] as const)('%s: every figure link has its quotes in the template', (lang) => {
    const { document } = parseHTML(`<!doctype html><html><body>${storyWithLinks(lang)}</body></html>`);
    const template = document.querySelector('template#figure-sources') as unknown as HTMLTemplateElement;
    const quoted = new Set(
      [...template.content.querySelectorAll('[data-record]')].map((item) => item.getAttribute('data-record')),
    );
    const links = [...document.querySelectorAll('a.figure-ref[data-records]')];
    const inPlace = (selector: string) => links.filter((link) => link.closest(selector)).length;
    // The places the lede, the KPIs and the methods render their figures: each has some.
    for (const place of ['.hero-dek, .prose-lede', '.kpi-value', '.methods'])
      expect(inPlace(place), `figure links in ${place}`).toBeGreaterThan(0);
    const unquoted = links.flatMap((link) =>
      link
        .getAttribute('data-records')!
        .split(' ')
        .filter((id) => !quoted.has(id))
        .map((id) => `${link.textContent} → ${id}`),
    );
    expect(unquoted).toEqual([]);
  });
});
