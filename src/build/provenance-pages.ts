import type { ChartInputs } from '../charts/types';
import type { StoryContent } from '../content/types';
import { provenance } from '../data/provenance';
import { locateArtefacts, locateQuotes, parseReport } from '../data/report-text';
import { DatasetError } from '../data/validate';
import { HTML_LANG } from '../story/story-page';
import { reportBody, type AnnotatedReport } from '../report/report-page';
import { exploreBody, exploreRecords, EXPLORE_NOSCRIPT_CSS } from '../explore/explore-page';
import { h } from '../dom/html';
import { newDocument, renderPage } from './html-document';

/**
 * The report text located against the dataset. Every quote must be found (once, or at its
 * occurrence) and every artefact place too; otherwise the build stops naming record and field.
 */
export function annotateReport(inputs: ChartInputs, text: string, files: { dataset: string; report: string }): AnnotatedReport {
  const report = parseReport(text);
  const quotes = locateQuotes(report, provenance(inputs.dataset), files);
  const artefacts = locateArtefacts(report, inputs.dataset.source.notes, files);
  const problems = [...quotes.problems, ...artefacts.problems];
  if (problems.length > 0) throw new DatasetError(problems);
  return { report, located: quotes.located, artefacts: artefacts.places };
}

/** /report/ and /en/report/: the annotated report. */
export function reportPage(inputs: ChartInputs, content: StoryContent, annotated: AnnotatedReport, assets: { css: string[]; script: string }): string {
  const root = content.lang === 'zh' ? '../' : '../../';
  return renderPage(
    { htmlLang: HTML_LANG[content.lang], title: content.report.title, description: content.report.intro, styles: assets.css, moduleScripts: [root + assets.script] },
    (document) => reportBody(document, inputs, content, annotated),
  );
}

/** /data/explore/ and /en/data/explore/: every record, pair and project in one table. */
export function explorePage(inputs: ChartInputs, content: StoryContent, assets: { css: string[]; script: string }): string {
  const root = content.lang === 'zh' ? '../../' : '../../../';
  const document = newDocument();
  const noscript = h(document, 'noscript', {}, h(document, 'style', {}, EXPLORE_NOSCRIPT_CSS));
  return renderPage(
    { htmlLang: HTML_LANG[content.lang], title: content.explore.title, description: content.explore.intro, styles: assets.css, moduleScripts: [root + assets.script], head: [noscript] },
    (document) => exploreBody(document, inputs, content, exploreRecords(inputs)),
  );
}
