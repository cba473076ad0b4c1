/**
 * The English edition glosses the report's quotes where it shows them to a reader: the town list
 * (the map's text twin, the town finder's cards and the map panel, all one renderer) shows each
 * project's English gloss as text, with the Chinese original kept beside it (lang="zh-CN").
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { contentByLang } from '../../src/content';
import { toHtml } from '../../src/dom/html';
import { newDocument } from '../../src/site/html-document';
import { storyBody } from '../../src/story/story-page';
import { inputs } from '../support/render';
import { entryGloss, provenance } from '../../src/data/provenance';
import { loadReportText } from '../../src/data/report-node';
import { annotateReport } from '../../src/site/provenance-pages';
import { reportBody } from '../../src/report/report-page';
import { exploreBody, exploreRecords } from '../../src/explore/explore-page';

function storyDocument(lang: 'zh' | 'en'): Document {
  const html = storyBody({
    document: newDocument(),
    inputs,
    content: contentByLang[lang],
    links: { report: '../report/' },
  })
    .map((node) => toHtml(node))
    .join('\n');
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** Every project entry, in the page and in its inert templates (the finder's cards). */
function projectEntries(document: Document): Element[] {
  const templates = [...document.querySelectorAll('template')].flatMap((t) => [
    ...(t as HTMLTemplateElement).content.querySelectorAll('li.project'),
  ]);
  return [...document.querySelectorAll('li.project'), ...templates];
}

describe('English glosses of quotes', () => {
  it('en: every project quote in the town list and the finder cards has its gloss, as text', () => {
    const entries = projectEntries(storyDocument('en'));
    expect(entries.length).toBeGreaterThan(0);
    const projects = new Map(inputs.dataset.projects.map((project) => [project.id, project]));
    const unglossed = [
      ...new Set(entries.filter((e) => !e.querySelector('.project-gloss')).map((e) => e.getAttribute('data-project'))),
    ];
    expect(unglossed, 'projects whose quote shows no English gloss').toEqual([]);
    for (const entry of entries) {
      const project = projects.get(entry.getAttribute('data-project')!)!;
      const gloss = entry.querySelector('.project-gloss')!;
      // Text, never HTML: one text node, exactly the data's gloss; the original is the Chinese quote.
      expect(
        [...gloss.childNodes].every((node) => node.nodeType === 3),
        project.id,
      ).toBe(true);
      expect(gloss.textContent, project.id).toBe(project.quoteEn);
      expect(gloss.getAttribute('lang'), project.id).toBeNull();
      expect(entry.querySelector('q.project-quote[lang="zh-CN"]')?.textContent, project.id).toBe(project.quote);
    }
  });

  it('zh: the town list shows the Chinese quote alone', () => {
    const entries = projectEntries(storyDocument('zh'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.querySelector('.project-gloss'))).toEqual([]);
    expect(entries.every((e) => e.querySelector('q.project-quote[lang="zh-CN"]'))).toBe(true);
  });

  it('en: a project gloss with markup in it is shown as text', () => {
    const project = inputs.dataset.projects[0]!;
    const saved = project.quoteEn;
    project.quoteEn = '<img src=x onerror=alert(1)> park';
    try {
      const entry = projectEntries(storyDocument('en')).find((e) => e.getAttribute('data-project') === project.id)!;
      const gloss = entry.querySelector('.project-gloss')!;
      expect(gloss.querySelector('img')).toBeNull();
      expect(gloss.textContent).toBe('<img src=x onerror=alert(1)> park');
    } finally {
      project.quoteEn = saved;
    }
  });

  it('en: the explorer writes bounds and commitments in English words, and its value cells hold no Chinese', () => {
    const records = exploreRecords(inputs);
    const cjk = /[\u3400-\u9fff]/;
    const chinese = records.flatMap((record) =>
      (['bound_en', 'commitment_en', 'target_bound_en', 'target_commitment_en'] as const)
        .filter((column) => cjk.test(record[column] ?? ''))
        .map((column) => `${record.id} ${column}: ${record[column]}`),
    );
    expect(chinese).toEqual([]);
    expect(records.find((r) => r.id === 'grain-output')?.target_bound_en).toBe('or more');
    const document = newDocument();
    document.body.append(...exploreBody(document, inputs, contentByLang.en, records));
    const headers = [...document.querySelectorAll('table thead th')].map((th) => th.textContent);
    const column = headers.indexOf(contentByLang.en.explore.colValue);
    expect(column).toBeGreaterThanOrEqual(0);
    const cells = [...document.querySelectorAll('table tbody tr')].map(
      (row) => row.children[column]!.textContent ?? '',
    );
    expect(cells.some((cell) => cell.includes('or more'))).toBe(true);
    expect(cells.filter((cell) => cjk.test(cell))).toEqual([]);
  });

  it('the explorer carries each shown gloss as quote_en, the Chinese quote as quote', () => {
    const records = exploreRecords(inputs);
    const row = records.find((r) => r.id === 'foreign-direct-investment-2024')!;
    expect(row.quote).toBe('实现外商直接投资1109.9万美元');
    expect(row.quote_en).toBe('Achieved foreign direct investment of US$11.099 million');
    const project = records.find((r) => r.kind === 'project')!;
    expect(project.quote_en).toBe(inputs.dataset.projects.find((p) => p.id === project.id)!.quoteEn);
  });

  it('en: the explorer table shows each gloss as text, the Chinese original under it', () => {
    const records = exploreRecords(inputs);
    const document = newDocument();
    document.body.append(...exploreBody(document, inputs, contentByLang.en, records));
    const glossed = records.filter((r) => r.quote_en !== null);
    expect(glossed.length).toBeGreaterThan(60);
    const missing = glossed.filter((record) => {
      const cell = document.getElementById(record.id)?.querySelector('td.quote');
      const gloss = cell?.querySelector('q.quote-gloss');
      const original = cell?.querySelector('q.quote-original[lang="zh-CN"]');
      return gloss?.textContent !== record.quote_en || original?.textContent !== record.quote;
    });
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it("en: the annotated report's cards show each gloss as text above the Chinese quote", () => {
    const document = newDocument();
    document.body.append(
      ...reportBody(
        document,
        inputs,
        contentByLang.en,
        annotateReport(inputs, loadReportText(), { dataset: 'data/metrics.json', report: 'report.txt' }),
      ),
    );
    const glossed = provenance(inputs.dataset).filter((entry) => entryGloss(inputs.dataset, entry) !== null);
    expect(glossed.length).toBeGreaterThan(60);
    const missing = glossed.filter((entry) => {
      const card = document.getElementById(`r-${entry.id}`);
      const gloss = card?.querySelector('.q-card-gloss q');
      return (
        gloss?.textContent !== entryGloss(inputs.dataset, entry) ||
        gloss?.children.length !== 0 ||
        card?.querySelector('.q-card-quote q[lang="zh-CN"]')?.textContent !== entry.quote
      );
    });
    expect(missing.map((entry) => entry.id)).toEqual([]);
  });
});
