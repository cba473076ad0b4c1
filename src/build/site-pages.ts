import type { Lang, StoryContent } from '../content/types';
import type { ChartInputs } from '../charts/types';
import { charts, chartById, renderChart } from '../charts/registry';
import { chartWidths } from '../design/tokens';
import { embedBody } from '../embed/embed-page';
import { embedCode, embedPath } from '../embed/embed-code';
import { DEFAULT_EMBED_OPTIONS } from '../embed/options';
import { METRIC_COLUMNS, PROJECT_COLUMNS } from '../data/rows';
import { fillTemplate } from '../content/template';
import { formatDigits } from '../data/format';
import { h, svg as s, toXml } from '../dom/html';
import { HTML_LANG } from '../story/story-page';
import { newDocument, renderPage } from './html-document';

export function rootFrom(path: string): string {
  return '../'.repeat(path.split('/').filter(Boolean).length);
}

export function embedPage(inputs: ChartInputs, content: StoryContent, chartId: string, assets: { css: string[]; script: string }): string {
  const path = embedPath(chartId, content.lang);
  const root = rootFrom(path);
  const copy = content.charts[chartId]!;
  return renderPage(
    { htmlLang: HTML_LANG[content.lang], title: copy.title, description: copy.subtitle, styles: assets.css, moduleScripts: [root + assets.script] },
    (document) => [embedBody({ document, inputs, content }, chartId, {
      story: content.lang === 'zh' ? root : `${root}en/`,
      csv: `${root}embed/${chartId}/data.csv`,
      json: `${root}embed/${chartId}/data.json`,
      svg: `${root}${path}chart.svg`,
    })],
  );
}

/** The wide rendering of a chart as a standalone SVG file, for download. */
export function standaloneSvg(inputs: ChartInputs, content: StoryContent, chartId: string): string {
  const document = newDocument();
  const chart = chartById(chartId)!;
  const title = content.charts[chartId]!.title;
  const svg = renderChart(chart, inputs, { width: chartWidths.wide, lang: content.lang, document, text: content.chartText, title });
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.insertBefore(s(document, 'title', {}, title), svg.firstChild);
  return toXml(svg);
}

export function chartManifest(content: Record<Lang, StoryContent>): string {
  return JSON.stringify({
    charts: charts.map((chart) => ({
      id: chart.id,
      title: { zh: content.zh.charts[chart.id]!.title, en: content.en.charts[chart.id]!.title },
      embed: { zh: embedPath(chart.id, 'zh'), en: embedPath(chart.id, 'en') },
      data: { csv: `embed/${chart.id}/data.csv`, json: `embed/${chart.id}/data.json` },
    })),
  }, null, 2) + '\n';
}

/** /embed/: every chart with a live preview and its embed code; desk.js adds options and copying. */
export function deskPage(content: StoryContent, assets: { css: string[]; script: string }): string {
  const { desk, lang } = content;
  const root = rootFrom(lang === 'zh' ? 'embed/' : 'en/embed/');
  return renderPage(
    { htmlLang: HTML_LANG[lang], title: desk.title, description: desk.intro, styles: assets.css, moduleScripts: [root + assets.script], classicScripts: [`${root}embed/loader.js`] },
    (document) => {
      const radios = (name: string, legend: string, options: Array<[string, string]>, checked: string) =>
        h(document, 'fieldset', {}, h(document, 'legend', {}, legend), ...options.map(([value, label]) =>
          h(document, 'label', {}, h(document, 'input', { type: 'radio', name, value, checked: value === checked }), h(document, 'span', {}, label))));
      const card = (chartId: string) => {
        const title = content.charts[chartId]!.title;
        const src = `${root}${embedPath(chartId, lang)}`;
        return h(document, 'section', { class: 'desk-card', 'data-chart': chartId, 'aria-labelledby': `desk-${chartId}` },
          h(document, 'h2', { id: `desk-${chartId}` }, title),
          h(document, 'p', { class: 'desk-id' }, chartId),
          h(document, 'h3', {}, desk.embedCode),
          h(document, 'textarea', { class: 'desk-code', readonly: true, rows: 4, 'aria-label': `${desk.embedCode}: ${title}`, spellcheck: 'false' },
            embedCode(document, '/', chartId, lang, DEFAULT_EMBED_OPTIONS, title)),
          h(document, 'p', { class: 'desk-actions' },
            h(document, 'button', { type: 'button', class: 'desk-copy', 'data-chart': chartId }, desk.copy),
            h(document, 'span', { class: 'desk-status', role: 'status' }),
            h(document, 'a', { href: src, class: 'desk-open', target: '_blank', rel: 'noopener' }, desk.open)),
          h(document, 'h3', {}, desk.preview),
          h(document, 'iframe', { src, title: `${desk.preview}: ${title}`, height: 480, loading: 'lazy', style: 'border:1px solid #ddd;width:100%', 'data-gaoping-embed': true }));
      };
      return [h(document, 'main', { id: 'main', class: 'desk', 'data-lang': lang, 'data-root': root, 'data-copied': desk.copied, 'data-copy-fallback': desk.copyFallback },
        h(document, 'h1', {}, desk.title),
        h(document, 'p', {}, desk.intro),
        h(document, 'p', { class: 'desk-links' },
          h(document, 'a', { href: lang === 'zh' ? root : `${root}en/` }, desk.storyLink),
          h(document, 'a', { href: `${root}embed/charts.json` }, desk.manifest),
          h(document, 'a', { href: lang === 'zh' ? `${root}data/` : `${root}en/data/` }, desk.dataPage)),
        h(document, 'form', { class: 'desk-options', 'aria-label': desk.title },
          radios('lang', desk.language, [['zh', '中文'], ['en', 'English']], lang),
          radios('theme', desk.theme, [['light', desk.themeLight], ['dark', desk.themeDark], ['auto', desk.themeAuto]], DEFAULT_EMBED_OPTIONS.theme),
          radios('title', desk.titleBlock, [['1', desk.titleOn], ['0', desk.titleOff]], DEFAULT_EMBED_OPTIONS.showTitle ? '1' : '0')),
        ...charts.map((chart) => card(chart.id)))];
    },
  );
}

/** /data/: every download, every field, the source, the inputs' licences, the version, how to cite. */
export function dataPage(inputs: ChartInputs, content: StoryContent, css: string): string {
  const { dataset } = inputs;
  const { dataPage: text, lang, columnDocs } = content;
  const root = rootFrom(lang === 'zh' ? 'data/' : 'en/data/');
  const doc = (column: string) => {
    const line = columnDocs[column];
    if (!line) throw new Error(`content (${lang}) has no documentation for column "${column}"`);
    return line;
  };
  return renderPage({ htmlLang: HTML_LANG[lang], title: text.title, description: text.intro, styles: [css] }, (document) => {
    const table = (heading: string, rows: Array<[string, string]>) => [
      h(document, 'h2', {}, heading),
      h(document, 'div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': heading },
        h(document, 'table', {},
          h(document, 'thead', {}, h(document, 'tr', {}, h(document, 'th', { scope: 'col' }, text.columnName), h(document, 'th', { scope: 'col' }, text.columnMeaning))),
          h(document, 'tbody', {}, ...rows.map(([name, meaning]) => h(document, 'tr', {}, h(document, 'th', { scope: 'row' }, name), h(document, 'td', {}, meaning)))))),
    ];
    const files = [['metrics.json', text.filesJson], ['metrics.csv', text.filesCsv], ['metrics.schema.json', text.filesSchema], ['gaoping.topojson', text.filesTopo]] as const;
    return [h(document, 'main', { id: 'main', class: 'data-page' },
      h(document, 'h1', {}, text.title),
      h(document, 'p', {}, text.intro),
      h(document, 'h2', {}, text.downloads),
      h(document, 'ul', {}, ...files.map(([file, label]) => h(document, 'li', {}, h(document, 'a', { href: `${root}data/${file}`, download: file }, file), h(document, 'span', {}, ` — ${label}`)))),
      ...table(text.fields, [
        ['schemaVersion', dataset.schemaVersion],
        ['source', 'title, date, venue, file, notes[]'],
        ['metrics[].id / label / sector / unit', `${doc('id')}; ${doc('sector')}; ${doc('unit')}`],
        ['metrics[].actual2024', `{value, quote, qualifier?, unit?} — ${doc('actual_2024')}`],
        ['metrics[].target2025', `{value, qualifier, quote, unit?} — ${doc('target_2025')}; ${doc('target_2025_qualifier')}`],
        ['metrics[].comparable / note', doc('comparable')],
        ['projects[]', `id, label, sector, year, quote, placeNames, codes, districtWide, placeNote — ${doc('town_code')}`],
      ]),
      ...table(text.columns, METRIC_COLUMNS.map((c) => [c, doc(c)])),
      ...table(text.projectColumns, PROJECT_COLUMNS.map((c) => [c, doc(c)])),
      h(document, 'h2', {}, text.source),
      h(document, 'p', {}, `${dataset.source.title[lang]} · ${dataset.source.date} · ${dataset.source.venue[lang]}`),
      h(document, 'p', {}, fillTemplate(text.artefact, { count: formatDigits(dataset.source.notes.length, lang) })),
      h(document, 'h2', {}, text.licences),
      h(document, 'ul', {}, ...text.licenceLines.map((line) => h(document, 'li', {}, line))),
      h(document, 'h2', {}, text.version),
      h(document, 'p', {}, `schemaVersion ${dataset.schemaVersion}`),
      h(document, 'h2', {}, text.cite),
      h(document, 'p', { class: 'cite' }, fillTemplate(text.citeText, { version: dataset.schemaVersion, date: dataset.source.date })))];
  });
}

export function notFoundPage(content: Record<Lang, StoryContent>, css: string): string {
  const title = `${content.zh.notFound.title} · ${content.en.notFound.title}`;
  return renderPage({ htmlLang: HTML_LANG.zh, title, styles: [css] }, (document) => [
    h(document, 'main', { id: 'main', class: 'not-found' }, ...(['zh', 'en'] as const).map((lang) => {
      const text = content[lang].notFound;
      return h(document, 'section', { lang: HTML_LANG[lang] },
        h(document, 'h1', {}, text.title),
        h(document, 'p', {}, text.text),
        h(document, 'ul', {}, ...charts.map((chart) => h(document, 'li', {},
          h(document, 'a', { href: `/${embedPath(chart.id, lang)}` }, chart.id),
          h(document, 'span', {}, ` — ${content[lang].charts[chart.id]!.title}`)))),
        h(document, 'p', {}, h(document, 'a', { href: lang === 'zh' ? '/' : '/en/' }, text.home)));
    })),
  ]);
}
