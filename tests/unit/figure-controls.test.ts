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

  // The Nanchong record's quote is Gaoping's sentence with a derived value (5.1 from 6.1 − 1): a
  // {value} gloss would state the wrong figure, and context records have no gloss field yet
  // (listed in /work/notes/issue-23-gloss.md).
  const NOT_YET_GLOSSED = new Set(['nanchong-gdp-growth-2024']);

  it('en: every quote the figures open has an English gloss, inserted as text, the Chinese original beside it', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${storyWithLinks('en')}</body></html>`);
    const template = document.querySelector('template#figure-sources') as unknown as HTMLTemplateElement;
    const items = [...template.content.querySelectorAll('[data-record]')];
    expect(items.length).toBeGreaterThan(0);
    const unglossed = items
      .filter((item) => !item.querySelector('.figure-source-gloss'))
      .map((item) => item.getAttribute('data-record')!)
      .filter((id) => !NOT_YET_GLOSSED.has(id));
    expect(unglossed, 'records whose quote shows no English gloss').toEqual([]);
    const records = new Map(inputs.dataset.records.map((record) => [record.id, record]));
    for (const item of items.filter((i) => i.querySelector('.figure-source-gloss'))) {
      const id = item.getAttribute('data-record')!;
      const gloss = item.querySelector('.figure-source-gloss')!;
      // Text, never HTML: the gloss element holds one text node, and no lang="zh-CN".
      expect(
        [...gloss.childNodes].every((node) => node.nodeType === 3),
        id,
      ).toBe(true);
      expect(gloss.getAttribute('lang'), id).toBeNull();
      expect(gloss.textContent, id).not.toContain('{value}');
      expect(item.querySelector('.figure-source-original[lang="zh-CN"]')?.textContent, id).toBe(records.get(id)!.quote);
    }
  });

  it('en: a gloss with markup in it is shown as text', () => {
    const record = inputs.dataset.records.find((r) => r.id === 'gdp-growth-2024')!;
    const saved = record.quoteEn;
    record.quoteEn = '<b>GDP</b> grew by {value}';
    try {
      const { document } = parseHTML(`<!doctype html><html><body>${storyWithLinks('en')}</body></html>`);
      const template = document.querySelector('template#figure-sources') as unknown as HTMLTemplateElement;
      const gloss = template.content.querySelector('[data-record="gdp-growth-2024"] .figure-source-gloss')!;
      expect(gloss.querySelector('b')).toBeNull();
      expect(gloss.textContent).toBe('<b>GDP</b> grew by 6.1%');
    } finally {
      record.quoteEn = saved;
    }
  });
});
