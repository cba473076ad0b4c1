import type { Dataset } from '../data/types';
import type { Lang, StoryContent } from '../content/types';
import { h } from '../dom/html';
import { citationText, formatDate, licenceStatement, PROJECT } from '../data/citation';
import { fillTemplate } from '../content/template';
import { IMAGE_THEMES } from '../publish/share-images';
import { DATASET_ZIP } from '../publish/downloads';
import type { SiteUrl } from '../publish/site-url';
import { chartRoutes, imageRoutes, PAGES, route } from '../routes/routes';
import { languageSwitch } from '../figure/language-switch';

/**
 * Parts the site's pages share (cite box, print-image links, credits, language links), built as
 * nodes like every other part of a page. `root` is the relative path from the page to the site root.
 */

/** "cite this": the citation text, a copy button (src/figure/cite.ts) and, when asked, the licence. */
export function citeBox(
  document: Document,
  dataset: Dataset,
  content: StoryContent,
  site: SiteUrl,
  options: { headingLevel?: 'h2' | 'h3'; licence?: boolean; id?: string } = {},
): HTMLElement {
  const { cite } = content;
  const headingId = `${options.id ?? 'cite'}-heading`;
  return h(
    document,
    'section',
    { class: 'cite-box', id: options.id ?? 'cite', 'aria-labelledby': headingId },
    h(document, options.headingLevel ?? 'h2', { id: headingId }, cite.heading),
    h(document, 'p', { class: 'cite-text' }, citationText(dataset, content.lang, content, site.href)),
    h(
      document,
      'p',
      { class: 'cite-actions' },
      // Hidden until the script that makes it work runs (src/figure/cite.ts).
      h(
        document,
        'button',
        {
          type: 'button',
          class: 'cite-copy',
          hidden: true,
          'data-copied': cite.copied,
          'data-copy-fallback': cite.copyFallback,
        },
        cite.copy,
      ),
      h(document, 'span', { class: 'cite-status', role: 'status' }),
    ),
    options.licence
      ? h(
          document,
          'div',
          { class: 'cite-licence' },
          h(document, options.headingLevel === 'h3' ? 'h4' : 'h3', {}, cite.licenceHeading),
          h(document, 'ul', {}, ...licenceStatement(content).map((line) => h(document, 'li', {}, line))),
        )
      : null,
  );
}

/** Links to a chart's framed PNGs: each theme at 1× and 2×, and its metadata file. */
export function printImageLinks(
  document: Document,
  content: StoryContent,
  chartId: string,
  root: string,
  both?: Record<Lang, StoryContent>,
): HTMLElement {
  const { share, lang } = content;
  const links: HTMLElement[] = [];
  /** On the desk, each label carries both languages for its language switch. */
  const bilingual = (pick: (copy: StoryContent) => string) =>
    both ? { 'data-zh': pick(both.zh), 'data-en': pick(both.en) } : {};
  const label = (copy: StoryContent, theme: string, scale: number) =>
    `${theme === 'light' ? copy.share.printLight : copy.share.printDark} ${scale}×`;
  for (const theme of IMAGE_THEMES) {
    for (const scale of [1, 2] as const) {
      const path = imageRoutes.print(chartId, lang, theme, scale);
      links.push(
        h(
          document,
          'a',
          {
            href: `${root}${path}`,
            download: path.split('/').pop(),
            'data-print-theme': theme,
            'data-print-scale': scale,
            // The desk switches these with its language option.
            'data-href-zh': `${root}${imageRoutes.print(chartId, 'zh', theme, scale)}`,
            'data-href-en': `${root}${imageRoutes.print(chartId, 'en', theme, scale)}`,
            ...bilingual((copy) => label(copy, theme, scale)),
          },
          label(content, theme, scale),
        ),
      );
    }
  }
  links.push(
    h(
      document,
      'a',
      { href: `${root}${chartRoutes.metadata(chartId)}`, ...bilingual((copy) => copy.share.metadata) },
      share.metadata,
    ),
  );
  return h(
    document,
    'p',
    { class: 'print-images' },
    h(
      document,
      'span',
      bilingual((copy) => copy.share.printImagesNote),
      share.printImagesNote,
    ),
    ...links,
  );
}

/** The link to the same page in the other language (`page`: the page's path in Chinese). */
export function languageLink(document: Document, content: StoryContent, page: string): HTMLElement {
  return languageSwitch(document, content, page, 'language-link');
}

/** The story's closing credits: byline, date, version, the source report, links, the poster, the citation. */
export function storyCredits(
  document: Document,
  dataset: Dataset,
  content: StoryContent,
  site: SiteUrl,
  root: string,
): HTMLElement {
  const { credits, lang } = content;
  const values = {
    projectName: content.share.projectName,
    released: formatDate(PROJECT.released, lang),
    version: PROJECT.version,
    reportAuthor: content.cite.reportAuthor,
    reportTitle: dataset.source.title[lang],
    reportDate: formatDate(dataset.source.date, lang),
    reportVenue: dataset.source.venue[lang],
  };
  const fill = (template: string) => fillTemplate(template, values);
  return h(
    document,
    'section',
    { class: 'story-credits', 'aria-labelledby': 'credits-heading' },
    h(document, 'h2', { id: 'credits-heading', class: 'section-heading' }, credits.heading),
    h(document, 'p', { class: 'credits-byline' }, fill(credits.byline)),
    h(document, 'p', { class: 'credits-date' }, fill(credits.published)),
    h(document, 'p', { class: 'credits-source' }, fill(credits.source)),
    ...credits.credits.map((line) => h(document, 'p', { class: 'credits-line' }, fill(line))),
    h(
      document,
      'ul',
      { class: 'credits-links' },
      h(document, 'li', {}, h(document, 'a', { href: `${root}${route('data', lang)}` }, credits.dataLink)),
      h(document, 'li', {}, h(document, 'a', { href: `${root}${route('desk', lang)}` }, credits.embedLink)),
      h(document, 'li', {}, h(document, 'a', { href: `${root}${route('report', lang)}` }, content.report.title)),
      h(document, 'li', {}, h(document, 'a', { href: `${root}${route('explore', lang)}` }, content.explore.title)),
      h(
        document,
        'li',
        {},
        h(
          document,
          'a',
          { href: `${root}${imageRoutes.poster(lang)}`, download: `gaoping-2025-poster-${lang}.png` },
          credits.posterLink,
        ),
      ),
      h(document, 'li', {}, languageLink(document, content, PAGES.story)),
    ),
    citeBox(document, dataset, content, site, { licence: true }),
  );
}

/** Every download of the data package, for /data/. */
export function packageDownloads(
  document: Document,
  content: StoryContent,
  root: string,
  tables: string[],
): HTMLElement[] {
  const { dataPage } = content;
  const item = (href: string, label: string, note: string) =>
    h(
      document,
      'li',
      {},
      h(document, 'a', { href: `${root}${href}`, download: href.split('/').pop() }, label),
      h(document, 'span', {}, ` — ${note}`),
    );
  return [
    item(DATASET_ZIP, DATASET_ZIP.split('/').pop()!, dataPage.filesZip),
    item('data/datapackage.json', 'datapackage.json', dataPage.filesPackage),
    ...tables.map((name) => item(`data/tables/${name}.csv`, `tables/${name}.csv`, dataPage.filesTables)),
    ...tables.map((name) => item(`data/excel/${name}.csv`, `excel/${name}.csv`, dataPage.filesExcel)),
  ];
}
