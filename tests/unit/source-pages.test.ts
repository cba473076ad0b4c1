import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sourcePages } from '../../src/site/provenance-pages';
import { contentByLang } from '../../src/content';
import { newDocument } from '../../src/site/html-document';
import { siteUrlFromEnv } from '../../src/publish/site-url';
import { inputs, dataset } from '../support/render';

const texts = new Map(dataset.context!.sources.map((s) => [s.id, readFileSync(`data/sources/${s.file}`, 'utf8')]));

describe('annotated source pages (/sources/<id>/)', () => {
  for (const lang of ['zh', 'en'] as const) {
    const pages = new Map(sourcePages(inputs, contentByLang[lang], texts, [], siteUrlFromEnv()));
    it(`${lang}: one page per source, with title, date and official address`, () => {
      for (const source of dataset.context!.sources) {
        const html = pages.get(`${lang === 'en' ? 'en/' : ''}sources/${source.id}/index.html`);
        expect(html, source.id).toBeDefined();
        const document = newDocument(html);
        expect(document.querySelector('h1')?.textContent).toBe(source.title[lang]);
        expect(document.querySelector('.source-meta')?.textContent).toContain(source.date);
        if (source.address)
          expect(document.querySelector(`.source-meta a[href="${source.address}"]`), source.id).not.toBeNull();
      }
    });
    it(`${lang}: every record quoting a source has its anchor, just before its highlighted passage, whose text is the quote`, () => {
      for (const record of dataset.context!.records) {
        const source = dataset.context!.sources.find((s) => s.id === record.source)!;
        const document = newDocument(pages.get(`${lang === 'en' ? 'en/' : ''}sources/${source.id}/index.html`));
        const anchor = document.getElementById(`q-${record.id}`);
        expect(anchor, record.id).not.toBeNull();
        // The quote's text is the run of highlighted pieces from its anchor on.
        let text = '';
        for (let node = anchor!.nextSibling; node && text.length < record.quote.length; node = node.nextSibling) {
          if ((node as Element).tagName === 'MARK') text += node.textContent;
          else if (node.nodeType === 3 || (node as Element).className !== 'quote-anchor') break;
        }
        expect(text, record.id).toBe(record.quote);
      }
    });
  }
});
