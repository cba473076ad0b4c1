import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import type { StoryContent } from '../story/content-types';
import { charts, chartById } from '../charts/registry';
import { chartWidths } from '../design/tokens';
import { renderEmbedBody } from '../story/render-page';
import { embedCode, embedPath } from '../embed/embed-code';
import { DEFAULT_EMBED_OPTIONS } from '../embed/options';
import { METRIC_COLUMNS, PROJECT_COLUMNS, RECORD_COLUMNS } from '../embed/chart-data';
import { tokensCss } from './render-document';
import { CSP_META } from './csp';
import { fillTemplate } from '../charts/plot-kit';
import { formatDigits } from '../data/format';

const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

interface PageParts {
  lang: Lang;
  title: string;
  description?: string;
  body: string;
  styles?: string[];
  moduleScripts?: string[];
  classicScripts?: string[];
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

export function htmlDocument(parts: PageParts): string {
  const head = [
    '<meta charset="utf-8" />',
    CSP_META,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeText(parts.title)}</title>`,
    parts.description ? `<meta name="description" content="${escapeAttr(parts.description)}" />` : '',
    '<link rel="icon" href="data:," />',
    `<style>${tokensCss()}</style>`,
    ...(parts.styles ?? []).map((css) => `<style>${css}</style>`),
    ...(parts.moduleScripts ?? []).map((src) => `<script type="module" src="${escapeAttr(src)}"></script>`),
    ...(parts.classicScripts ?? []).map((src) => `<script defer src="${escapeAttr(src)}"></script>`),
  ].filter(Boolean).join('\n    ');
  return `<!doctype html>\n<html lang="${HTML_LANG[parts.lang]}">\n  <head>\n    ${head}\n  </head>\n  <body>\n    ${parts.body}\n  </body>\n</html>\n`;
}

/** Builds elements with text only: every string from data or copy goes in through textContent. */
function builder() {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = (tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement => {
    const element = document.createElement(tag) as HTMLElement;
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  };
  return { document: document as unknown as Document, el };
}

export function rootFrom(path: string): string {
  return '../'.repeat(path.split('/').filter(Boolean).length);
}

export function embedPage(dataset: Dataset, geo: Topology, content: StoryContent, chartId: string, assets: { css: string[]; script: string }): string {
  const path = embedPath(chartId, content.lang);
  const root = rootFrom(path);
  const copy = content.charts[chartId]!;
  const body = renderEmbedBody(dataset, content, geo, chartId, {
    story: content.lang === 'zh' ? root : `${root}en/`,
    csv: `${root}embed/${chartId}/data.csv`,
    json: `${root}embed/${chartId}/data.json`,
    svg: `${root}${path}chart.svg`,
  });
  return htmlDocument({ lang: content.lang, title: copy.title, description: copy.subtitle, body, styles: assets.css, moduleScripts: [root + assets.script] });
}

/** The wide rendering of a chart as a standalone SVG file, for download. */
export function standaloneSvg(dataset: Dataset, geo: Topology, content: StoryContent, chartId: string): string {
  const { document } = builder();
  const chart = chartById(chartId)!;
  const title = content.charts[chartId]!.title;
  const svg = chart.render(dataset, { width: chartWidths.wide, lang: content.lang, document, text: content.chartText, title, geo });
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const titleElement = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleElement.textContent = title;
  svg.insertBefore(titleElement, svg.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
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
  const { el } = builder();
  const { desk, lang } = content;
  const path = lang === 'zh' ? 'embed/' : 'en/embed/';
  const root = rootFrom(path);
  const main = el('main', { id: 'main', class: 'desk', 'data-lang': lang, 'data-root': root, 'data-copied': desk.copied, 'data-copy-fallback': desk.copyFallback });
  main.append(el('h1', {}, desk.title), el('p', {}, desk.intro));
  const links = el('p', { class: 'desk-links' });
  links.append(el('a', { href: lang === 'zh' ? root : `${root}en/` }, desk.storyLink), el('a', { href: `${root}embed/charts.json` }, desk.manifest), el('a', { href: lang === 'zh' ? `${root}data/` : `${root}en/data/` }, desk.dataPage));
  main.appendChild(links);

  const form = el('form', { class: 'desk-options', 'aria-label': desk.title });
  const group = (name: string, legend: string, options: Array<[string, string]>, checked: string) => {
    const fieldset = el('fieldset');
    fieldset.appendChild(el('legend', {}, legend));
    for (const [value, label] of options) {
      const wrapper = el('label');
      const input = el('input', { type: 'radio', name, value });
      if (value === checked) input.setAttribute('checked', '');
      wrapper.append(input, el('span', {}, label));
      fieldset.appendChild(wrapper);
    }
    form.appendChild(fieldset);
  };
  group('lang', desk.language, [['zh', '中文'], ['en', 'English']], lang);
  group('theme', desk.theme, [['light', desk.themeLight], ['dark', desk.themeDark], ['auto', desk.themeAuto]], DEFAULT_EMBED_OPTIONS.theme);
  group('title', desk.titleBlock, [['1', desk.titleOn], ['0', desk.titleOff]], DEFAULT_EMBED_OPTIONS.showTitle ? '1' : '0');
  main.appendChild(form);

  for (const chart of charts) {
    const title = content.charts[chart.id]!.title;
    const card = el('section', { class: 'desk-card', 'data-chart': chart.id, 'aria-labelledby': `desk-${chart.id}` });
    card.appendChild(el('h2', { id: `desk-${chart.id}` }, title));
    card.appendChild(el('p', { class: 'desk-id' }, chart.id));
    const code = el('textarea', { class: 'desk-code', readonly: '', rows: '4', 'aria-label': `${desk.embedCode}: ${title}`, spellcheck: 'false' });
    code.textContent = embedCode('/', chart.id, lang, DEFAULT_EMBED_OPTIONS, title);
    const actions = el('p', { class: 'desk-actions' });
    actions.append(
      el('button', { type: 'button', class: 'desk-copy', 'data-chart': chart.id }, desk.copy),
      el('span', { class: 'desk-status', role: 'status' }),
      el('a', { href: `${root}${embedPath(chart.id, lang)}`, class: 'desk-open', target: '_blank', rel: 'noopener' }, desk.open),
    );
    const iframe = el('iframe', {
      src: `${root}${embedPath(chart.id, lang)}`, title: `${desk.preview}: ${title}`, width: '100%', height: '480',
      loading: 'lazy', scrolling: 'no', style: 'border:1px solid #ddd;width:100%', 'data-gaoping-embed': '',
    });
    card.append(el('h3', {}, desk.embedCode), code, actions, el('h3', {}, desk.preview), iframe);
    main.appendChild(card);
  }
  return htmlDocument({ lang, title: desk.title, description: desk.intro, body: main.outerHTML, styles: assets.css, moduleScripts: [root + assets.script], classicScripts: [`${root}embed/loader.js`] });
}

/** /data/: every download, every field, the source, the inputs' licences, the version, how to cite. */
export function dataPage(dataset: Dataset, content: StoryContent, css: string): string {
  const { el } = builder();
  const { dataPage: text, lang, columnDocs } = content;
  const root = rootFrom(lang === 'zh' ? 'data/' : 'en/data/');
  const main = el('main', { id: 'main', class: 'data-page' });
  main.append(el('h1', {}, text.title), el('p', {}, text.intro));
  main.appendChild(el('h2', {}, text.downloads));
  const files = el('ul');
  for (const [file, label] of [['metrics.json', text.filesJson], ['metrics.csv', text.filesCsv], ['records.csv', text.filesRecordsCsv], ['ledger-exclusions.json', text.filesExclusions], ['metrics.schema.json', text.filesSchema], ['gaoping.topojson', text.filesTopo]] as const) {
    const item = el('li');
    item.append(el('a', { href: `${root}data/${file}`, download: file }, file), el('span', {}, ` — ${label}`));
    files.appendChild(item);
  }
  main.appendChild(files);

  const table = (heading: string, rows: Array<[string, string]>) => {
    main.appendChild(el('h2', {}, heading));
    const wrapper = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': heading });
    const tableEl = el('table');
    const head = tableEl.appendChild(el('thead')).appendChild(el('tr'));
    head.append(el('th', { scope: 'col' }, text.columnName), el('th', { scope: 'col' }, text.columnMeaning));
    const body = tableEl.appendChild(el('tbody'));
    for (const [name, meaning] of rows) {
      const tr = body.appendChild(el('tr'));
      tr.append(el('th', { scope: 'row' }, name), el('td', {}, meaning));
    }
    wrapper.appendChild(tableEl);
    main.appendChild(wrapper);
  };
  const doc = (column: string) => {
    const line = columnDocs[column];
    if (!line) throw new Error(`content (${lang}) has no documentation for column "${column}"`);
    return line;
  };
  table(text.fields, [
    ['schemaVersion', dataset.schemaVersion],
    ['source', `title, date, venue, file, notes[]`],
    ['records[]', `id, quote, occurrence?, value, written?, unit, year, kind, sector, placeCodes?, bound, commitment[], measure — ${text.recordsField}`],
    ['metrics[].id / label / sector / unit', `${doc('id')}; ${doc('sector')}; ${doc('unit')}`],
    ['metrics[].actual2024 / target2025', `${doc('actual_2024_record')}; ${doc('target_2025_record')}`],
    ['metrics[].comparability / note', doc('comparability')],
    ['projects[]', `id, label, sector, year, quote, placeNames, placeStatus, unlocatedName?, codes, placeNote — ${doc('place_status')}`],
  ]);
  table(text.recordColumns, RECORD_COLUMNS.map((c) => [c, doc(`record_${c}`)]));
  table(text.columns, METRIC_COLUMNS.map((c) => [c, doc(c)]));
  table(text.projectColumns, PROJECT_COLUMNS.map((c) => [c, doc(c)]));

  main.appendChild(el('h2', {}, text.source));
  main.appendChild(el('p', {}, `${dataset.source.title[lang]} · ${dataset.source.date} · ${dataset.source.venue[lang]}`));
  main.appendChild(el('p', {}, fillTemplate(text.artefact, { count: formatDigits(dataset.source.notes.length, lang) })));
  main.appendChild(el('h2', {}, text.licences));
  const licences = el('ul');
  for (const line of text.licenceLines) licences.appendChild(el('li', {}, line));
  main.appendChild(licences);
  main.append(el('h2', {}, text.version), el('p', {}, `schemaVersion ${dataset.schemaVersion}`));
  main.append(el('h2', {}, text.cite), el('p', { class: 'cite' }, fillTemplate(text.citeText, { version: dataset.schemaVersion, date: dataset.source.date })));
  return htmlDocument({ lang, title: text.title, description: text.intro, body: main.outerHTML, styles: [css] });
}

export function notFoundPage(content: Record<Lang, StoryContent>, css: string): string {
  const { el } = builder();
  const main = el('main', { id: 'main', class: 'not-found' });
  for (const lang of ['zh', 'en'] as const) {
    const text = content[lang].notFound;
    const section = el('section', { lang: HTML_LANG[lang] });
    section.append(el('h1', {}, text.title), el('p', {}, text.text));
    const list = el('ul');
    for (const chart of charts) {
      const item = el('li');
      item.append(el('a', { href: `/${embedPath(chart.id, lang)}` }, chart.id), el('span', {}, ` — ${content[lang].charts[chart.id]!.title}`));
      list.appendChild(item);
    }
    const home = el('p');
    home.appendChild(el('a', { href: lang === 'zh' ? '/' : '/en/' }, text.home));
    section.append(list, home);
    main.appendChild(section);
  }
  return htmlDocument({ lang: 'zh', title: `${content.zh.notFound.title} · ${content.en.notFound.title}`, body: main.outerHTML, styles: [css] });
}
