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
});
