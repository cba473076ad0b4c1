import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { contentByLang } from '../../src/content';
import { chartIds } from '../../src/charts/registry';
import type { Block } from '../../src/content/types';
import { dataset, storyHtml } from '../support/render';
const { zh, en } = contentByLang;

/** What must match between languages: block kinds, charts, focus, counts; not the words. */
function skeleton(block: Block): unknown {
  switch (block.type) {
    case 'scrolly':
      return {
        type: block.type,
        id: block.id,
        steps: block.steps.map((s) => ({ chart: s.chart, focus: s.focus ?? [] })),
      };
    case 'chart':
      return { type: block.type, chart: block.chart };
    case 'kpis':
      return { type: block.type, values: block.items.map((i) => i.value) };
    case 'text':
    case 'methods':
      return { type: block.type, paragraphs: block.paragraphs.length };
    default:
      return { type: block.type };
  }
}

/** The dataset subjects a text draws on; the field may differ by language (增长6.1% vs grew 6.1%). */
const placeholders = (text: string) => [...new Set(text.match(/\{[a-z0-9-]+(?=\.[a-zA-Z]+\})/g) ?? [])].sort();
/** Every string a reader sees; ids, chart names and focus keys are structure, not copy. */
const STRUCTURE_KEYS = new Set(['type', 'id', 'chart', 'focus']);
const allText = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(allText)
      : value && typeof value === 'object'
        ? Object.entries(value)
            .filter(([key]) => !STRUCTURE_KEYS.has(key))
            .flatMap(([, v]) => allText(v))
        : [];

describe('story copy', () => {
  it('has the same blocks in zh and en', () => {
    expect(en.blocks.map(skeleton)).toEqual(zh.blocks.map(skeleton));
  });

  it('uses the same dataset placeholders in zh and en, block by block', () => {
    zh.blocks.forEach((block, i) =>
      expect(placeholders(allText(en.blocks[i]).join(' '))).toEqual(placeholders(allText(block).join(' '))),
    );
  });

  it('names only registered charts, and has a title for every chart in both languages', () => {
    const registered = new Set(chartIds());
    for (const content of [zh, en]) {
      for (const block of content.blocks) {
        const named =
          block.type === 'scrolly' ? block.steps.map((s) => s.chart) : block.type === 'chart' ? [block.chart] : [];
        for (const id of named) expect(registered.has(id), `${content.lang}: ${id}`).toBe(true);
      }
      for (const id of registered) expect(content.charts[id]?.title, `${content.lang}: ${id}`).toBeTruthy();
    }
  });

  it('has the same keys for page and chart text in both languages', () => {
    expect(Object.keys(en.page).sort()).toEqual(Object.keys(zh.page).sort());
    expect(Object.keys(en.chartText).sort()).toEqual(Object.keys(zh.chartText).sort());
  });

  it('types no figures: every digit in the copy comes from a placeholder (years and the proper names G318, GCJ-02, WGS84 aside)', () => {
    for (const content of [zh, en]) {
      for (const text of allText(content.blocks)) {
        const stripped = text
          .replace(/\{[a-z0-9-]+\.[a-zA-Z]+\}/g, '')
          .replace(/2024|2025/g, '')
          .replace(/G318|GCJ-02|WGS84/g, '');
        expect(stripped, `${content.lang}: ${text}`).not.toMatch(/[0-9０-９]/);
      }
    }
  });
});

describe('prerendered story', () => {
  for (const content of [zh, en]) {
    it(`${content.lang}: fills every placeholder and keeps the artefact out`, () => {
      const html = storyHtml(content);
      expect(html).not.toMatch(/\{[a-z0-9-]+\.[a-zA-Z]+\}/);
      const { document } = parseHTML(`<html><body>${html}</body></html>`);
      // The methods note may name the artefact to explain it; nothing else may show it.
      document.querySelector('.methods')?.remove();
      expect(document.body.textContent).not.toContain('亚洲通');
      const steps = document.querySelectorAll('[data-step]');
      const expectedSteps = content.blocks.reduce((n, b) => n + (b.type === 'scrolly' ? b.steps.length : 0), 0);
      expect(steps.length).toBe(expectedSteps);
      const ids = Array.from(document.querySelectorAll('[id]')).map((el) => el.getAttribute('id'));
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('fills numbers from the dataset, not from the copy', () => {
    const html = storyHtml(zh);
    expect(html).toContain('1109.9万美元');
    const edited = structuredClone(dataset);
    edited.metrics.find((m) => m.id === 'foreign-direct-investment')!.actual2024!.value = 1234.5;
    expect(storyHtml(zh, edited)).toContain('1234.5万美元');
  });
});
