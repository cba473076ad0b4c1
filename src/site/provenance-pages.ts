import type { ChartInputs } from '../charts/types';
import type { StoryContent } from '../content/types';
import { provenance } from '../data/provenance';
import { locateArtefacts, locateQuotes, parseReport } from '../data/report-text';
import { DatasetError } from '../data/validate';
import { HTML_LANG } from '../content/types';
import { reportBody, type AnnotatedReport } from '../report/report-page';
import { exploreBody, exploreRecords, EXPLORE_NOSCRIPT_CSS } from '../explore/explore-page';
import { h } from '../dom/html';
import { renderPage } from './html-document';
import type { SiteUrl } from '../publish/site-url';
import { shareHead } from './share-meta';
import { imageRoutes, route, otherLang, rootFrom, sourceRoutes, type PageId } from '../routes/routes';
import { languageLink } from './page-parts';
import { fillTemplate } from '../content/template';
import { requireContext } from '../data/levels';
import { PLACE_NAMES } from '../data/context';
import { locateSourceQuotes, sourceBody, SOURCE_PAGE_CSS, type SourceQuote } from '../report/source-page';

/**
 * The report text located against the dataset. Every quote must be found (once, or at its
 * occurrence) and every artefact place too; otherwise the build stops naming record and field.
 */
export function annotateReport(
  inputs: ChartInputs,
  text: string,
  files: { dataset: string; report: string },
): AnnotatedReport {
  const report = parseReport(text);
  const quotes = locateQuotes(report, provenance(inputs.dataset), files);
  const artefacts = locateArtefacts(report, inputs.dataset.source.notes, files);
  const problems = [...quotes.problems, ...artefacts.problems];
  if (problems.length > 0) throw new DatasetError(problems);
  return { report, located: quotes.located, artefacts: artefacts.places };
}

/** /report/ and /en/report/: the annotated report. */
export function reportPage(
  inputs: ChartInputs,
  content: StoryContent,
  annotated: AnnotatedReport,
  assets: { css: string[]; scripts: string[] },
  site: SiteUrl,
): string {
  const root = rootFrom(route('report', content.lang));
  const head = pageShare(site, content, 'report', content.report.title, content.report.intro);
  return renderPage(
    {
      htmlLang: HTML_LANG[content.lang],
      title: content.report.title,
      description: content.report.intro,
      styles: assets.css,
      moduleScripts: assets.scripts.map((file) => root + file),
      head,
    },
    (document) => reportBody(document, inputs, content, annotated),
  );
}

/** Share tags for a page of this site, in its language, with the story's share image. */
function pageShare(
  site: SiteUrl,
  content: StoryContent,
  page: PageId,
  title: string,
  description: string,
): (document: Document) => Node[] {
  const lang = content.lang;
  return shareHead(site, {
    lang,
    title,
    description,
    path: route(page, lang),
    image: imageRoutes.storyShare(lang),
    imageAlt: content.meta.title,
    alternate: route(page, otherLang(lang)),
    siteName: content.share.projectName,
  });
}

/** /data/explore/ and /en/data/explore/: every record, pair and project in one table. */
export function explorePage(
  inputs: ChartInputs,
  content: StoryContent,
  assets: { css: string[]; scripts: string[] },
  site: SiteUrl,
): string {
  const root = rootFrom(route('explore', content.lang));
  const share = pageShare(site, content, 'explore', content.explore.title, content.explore.intro);
  return renderPage(
    {
      htmlLang: HTML_LANG[content.lang],
      title: content.explore.title,
      description: content.explore.intro,
      styles: assets.css,
      moduleScripts: assets.scripts.map((file) => root + file),
      head: (document) => [
        ...share(document),
        h(document, 'noscript', {}, h(document, 'style', {}, EXPLORE_NOSCRIPT_CSS)),
      ],
    },
    (document) => exploreBody(document, inputs, content, exploreRecords(inputs)),
  );
}

/**
 * /sources/<id>/ and /en/sources/<id>/: each source document with the passages the context records
 * quote from it highlighted. `texts` are the stored copies by source id (checked when loaded).
 */
export function sourcePages(
  inputs: ChartInputs,
  content: StoryContent,
  texts: Map<string, string>,
  css: string[],
  site: SiteUrl,
): Array<[string, string]> {
  const context = requireContext(inputs.dataset);
  const lang = content.lang;
  const indicatorLabel = (id: string) => {
    const indicator = context.indicators.find((i) => i.id === id)!;
    return (indicator.label ?? inputs.dataset.metrics.find((m) => m.id === indicator.metric)?.label)?.[lang] ?? id;
  };
  return context.sources.map((source) => {
    const quotes: SourceQuote[] = context.records
      .filter((r) => r.source === source.id)
      .map((record) => ({
        record: record.id,
        quote: record.quote,
        ...(record.occurrence ? { occurrence: record.occurrence } : {}),
        label: fillTemplate(content.sourcePage.quoteLabel, {
          place: PLACE_NAMES[record.place][lang],
          indicator: indicatorLabel(record.indicator),
          year: record.year,
          kind: record.kind === 'target' ? content.sourcePage.kindTarget : content.sourcePage.kindResult,
        }),
      }));
    const text = texts.get(source.id);
    if (text === undefined)
      throw new Error(
        `data/sources.json: source "${source.id}": field "file": the stored text is missing: data/sources/${source.file}`,
      );
    const located = locateSourceQuotes(text, quotes, `data/sources/${source.file}`);
    const page = sourceRoutes.page(source.id, lang);
    const root = rootFrom(page);
    const share = shareHead(site, {
      lang,
      title: source.title[lang],
      description: content.sourcePage.description,
      path: page,
      image: imageRoutes.storyShare(lang),
      imageAlt: content.meta.title,
      alternate: sourceRoutes.page(source.id, otherLang(lang)),
      siteName: content.share.projectName,
    });
    const html = renderPage(
      {
        htmlLang: HTML_LANG[lang],
        title: source.title[lang],
        description: content.sourcePage.description,
        styles: [...css, SOURCE_PAGE_CSS],
        head: share,
      },
      (document) => {
        const body = sourceBody(document, content, source, text, located, root);
        body[0]!.appendChild(document.createTextNode(' · '));
        body[0]!.appendChild(languageLink(document, content, sourceRoutes.page(source.id, 'zh')));
        return body;
      },
    );
    return [`${page}index.html`, html] as [string, string];
  });
}
