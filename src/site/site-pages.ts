import { LANGS, type Lang, type StoryContent } from '../content/types';
import type { ChartInputs } from '../charts/types';
import { charts, chartById, renderChart } from '../charts/registry';
import { chartWidths } from '../design/tokens';
import { embedBody } from '../embed/embed-page';
import { embedCode } from '../embed/embed-code';
import { DEFAULT_EMBED_OPTIONS } from '../embed/options';
import type { Dataset } from '../data/types';
import { toCsv, toJson } from '../data/rows';
import { filled } from '../data/table';
import { TOWN_PROJECTS_TABLE } from '../data/tables';
import { dataDocs } from './data-docs';
import { fillTemplate, labelled } from '../content/template';
import { formatDigits } from '../data/format';
import { h, svg as s, toXml } from '../dom/html';
import { HTML_LANG } from '../content/types';
import { newDocument, renderPage } from './html-document';
import { siteUrlFromEnv, type SiteUrl } from '../publish/site-url';
import { shareHead, headTagNodes } from './share-meta';
import { oembedDiscoveryLink } from '../publish/oembed';
import { citeBox, languageLink, packageDownloads, printImageLinks } from './page-parts';
import { excelTablePath, packageTables, tableCsv, tablePath } from '../publish/datapackage';
import { DEVICE_WIDTHS } from '../embed/desk-form';
import {
  CHART_MANIFEST,
  chartRoutes,
  href,
  imageRoutes,
  otherLang,
  PAGES,
  rootFrom,
  route,
  sourceRoutes,
} from '../routes/routes';

function embedPage(
  inputs: ChartInputs,
  content: StoryContent,
  chartId: string,
  assets: { css: string[]; scripts: string[] },
  site: SiteUrl,
): string {
  const { lang } = content;
  const path = chartRoutes.embed(chartId, lang);
  const root = rootFrom(path);
  const copy = content.charts[chartId]!;
  const share = shareHead(site, {
    lang,
    title: copy.title,
    description: copy.subtitle,
    path,
    image: imageRoutes.chartShare(chartId, lang),
    imageAlt: copy.title,
    alternate: chartRoutes.embed(chartId, otherLang(lang)),
    siteName: content.share.projectName,
  });
  return renderPage(
    {
      htmlLang: HTML_LANG[lang],
      title: copy.title,
      description: copy.subtitle,
      styles: assets.css,
      moduleScripts: assets.scripts.map((file) => root + file),
      theme: DEFAULT_EMBED_OPTIONS.theme === 'dark' ? 'dark' : 'light',
      framed: true,
      head: (document) => [
        ...share(document),
        ...headTagNodes(document, [{ tag: 'link', ...oembedDiscoveryLink(site, chartId, lang, copy.title) }]),
      ],
    },
    (document) => {
      const main = embedBody(
        { document, inputs, content, links: { report: href(path, route('report', lang)), newTab: true } },
        chartId,
        {
          source: href(path, route('report', lang)),
          csv: href(path, chartRoutes.csv(chartId)),
          png: {
            light: href(path, imageRoutes.print(chartId, lang, 'light', 2)),
            dark: href(path, imageRoutes.print(chartId, lang, 'dark', 2)),
          },
        },
      );
      // Print images, metadata, the other language and the citation: in the desk, and here only
      // when the embed URL asks (?print=1, ?langlink=1, ?cite=1; src/embed/embed.css shows them).
      main.appendChild(
        h(
          document,
          'div',
          { class: 'embed-extras' },
          printImageLinks(document, content, chartId, root),
          h(
            document,
            'p',
            { class: 'embed-language' },
            languageLink(document, content, chartRoutes.embed(chartId, 'zh')),
          ),
          h(
            document,
            'details',
            { class: 'embed-cite' },
            h(document, 'summary', {}, content.cite.heading),
            citeBox(document, inputs.dataset, content, site, { headingLevel: 'h3', id: 'cite' }),
          ),
        ),
      );
      return [main];
    },
  );
}

/** The wide rendering of a chart as a standalone SVG file, for download. */
function standaloneSvg(inputs: ChartInputs, content: StoryContent, chartId: string): string {
  const document = newDocument();
  const chart = chartById(chartId)!;
  const title = content.charts[chartId]!.title;
  const svg = renderChart(chart, inputs, {
    width: chartWidths.wide,
    lang: content.lang,
    document,
    text: content.chartText,
    title,
  });
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.insertBefore(s(document, 'title', {}, title), svg.firstChild);
  return toXml(svg);
}

/** Every file one chart gets: its data downloads, and per language its embed page and SVG. */
export function chartFiles(
  inputs: ChartInputs,
  content: Record<Lang, StoryContent>,
  chartId: string,
  assets: { css: string[]; scripts: string[] },
  site: SiteUrl = siteUrlFromEnv(),
): Array<[string, string]> {
  const chart = chartById(chartId);
  if (!chart) throw new Error(`no registered chart "${chartId}"`);
  const rows = chart.rows(inputs);
  const files: Array<[string, string]> = [
    [chartRoutes.csv(chart.id), toCsv(rows)],
    [chartRoutes.json(chart.id), toJson(chart.id, rows, inputs.dataset)],
  ];
  for (const lang of LANGS) {
    const path = chartRoutes.embed(chart.id, lang);
    files.push(
      [`${path}index.html`, embedPage(inputs, content[lang], chart.id, assets, site)],
      [chartRoutes.svg(chart.id, lang), standaloneSvg(inputs, content[lang], chart.id)],
    );
  }
  return files;
}

export function chartManifest(content: Record<Lang, StoryContent>): string {
  return (
    JSON.stringify(
      {
        charts: charts.map((chart) => ({
          id: chart.id,
          title: { zh: content.zh.charts[chart.id]!.title, en: content.en.charts[chart.id]!.title },
          embed: { zh: chartRoutes.embed(chart.id, 'zh'), en: chartRoutes.embed(chart.id, 'en') },
          data: { csv: chartRoutes.csv(chart.id), json: chartRoutes.json(chart.id) },
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * /embed/: every chart with a live preview and its embed code; desk.js adds options and copying.
 * Each card carries its title and preview label in both languages (data-title-zh/-en,
 * data-preview-zh/-en) so the language switch retitles everything. The prerendered code uses SITE_URL;
 * desk.js rewrites it from the address the desk is served from.
 */
export function deskPage(
  content: Record<Lang, StoryContent>,
  lang: Lang,
  assets: { css: string[]; scripts: string[] },
  site: SiteUrl,
  dataset: Dataset,
): string {
  const { desk } = content[lang];
  const page = route('desk', lang);
  const root = rootFrom(page);
  const share = shareHead(site, {
    lang,
    title: desk.title,
    description: desk.intro,
    path: page,
    image: imageRoutes.storyShare(lang),
    imageAlt: content[lang].meta.title,
    alternate: route('desk', otherLang(lang)),
    siteName: content[lang].share.projectName,
  });
  return renderPage(
    {
      htmlLang: HTML_LANG[lang],
      title: desk.title,
      description: desk.intro,
      styles: assets.css,
      moduleScripts: assets.scripts.map((file) => root + file),
      classicScripts: [`${root}embed/loader.js`],
      head: share,
    },
    (document) => {
      const radios = (name: string, legend: string, options: Array<[string, string]>, checked: string) =>
        h(
          document,
          'fieldset',
          {},
          h(document, 'legend', {}, legend),
          ...options.map(([value, label]) =>
            h(
              document,
              'label',
              {},
              h(document, 'input', { type: 'radio', name, value, checked: value === checked }),
              h(document, 'span', {}, label),
            ),
          ),
        );
      const checkbox = (name: string, label: string) =>
        h(
          document,
          'label',
          {},
          h(document, 'input', { type: 'checkbox', name, value: '1' }),
          h(document, 'span', {}, label),
        );
      /** Text in both languages, for the desk's language switch (src/embed/desk.ts). */
      const both = (pick: (copy: StoryContent) => string) => ({
        'data-zh': pick(content.zh),
        'data-en': pick(content.en),
      });
      const card = (chartId: string) => {
        const title = content[lang].charts[chartId]!.title;
        const src = href(page, chartRoutes.embed(chartId, lang));
        return h(
          document,
          'section',
          {
            class: 'desk-card',
            'data-chart': chartId,
            'aria-labelledby': `desk-${chartId}`,
            'data-title-zh': content.zh.charts[chartId]!.title,
            'data-title-en': content.en.charts[chartId]!.title,
            'data-preview-zh': content.zh.desk.preview,
            'data-preview-en': content.en.desk.preview,
          },
          h(document, 'h2', { id: `desk-${chartId}` }, title),
          h(document, 'p', { class: 'desk-id' }, chartId),
          h(
            document,
            'h3',
            both((copy) => copy.desk.embedCode),
            desk.embedCode,
          ),
          h(
            document,
            'textarea',
            {
              class: 'desk-code',
              readonly: true,
              rows: 6,
              'aria-label': labelled(desk.embedCode, title, lang),
              spellcheck: 'false',
              'data-label-zh': labelled(content.zh.desk.embedCode, content.zh.charts[chartId]!.title, 'zh'),
              'data-label-en': labelled(content.en.desk.embedCode, content.en.charts[chartId]!.title, 'en'),
            },
            embedCode(document, site.href, chartId, lang, DEFAULT_EMBED_OPTIONS, title),
          ),
          h(
            document,
            'p',
            { class: 'desk-actions' },
            h(
              document,
              'button',
              { type: 'button', class: 'desk-copy', 'data-chart': chartId, ...both((copy) => copy.desk.copy) },
              desk.copy,
            ),
            h(document, 'span', { class: 'desk-status', role: 'status' }),
            h(
              document,
              'a',
              { href: src, class: 'desk-open', target: '_blank', rel: 'noopener', ...both((copy) => copy.desk.open) },
              desk.open,
            ),
          ),
          h(
            document,
            'p',
            { class: 'desk-data' },
            h(
              document,
              'span',
              both((copy) => copy.desk.dataFiles),
              desk.dataFiles,
            ),
            h(document, 'a', { href: href(page, chartRoutes.csv(chartId)), download: `${chartId}.csv` }, 'CSV'),
            h(document, 'a', { href: href(page, chartRoutes.json(chartId)), download: `${chartId}.json` }, 'JSON'),
            h(
              document,
              'a',
              { href: href(page, chartRoutes.svg(chartId, lang)), download: `${chartId}.svg`, 'data-svg': chartId },
              'SVG',
            ),
          ),
          printImageLinks(document, content[lang], chartId, root, content),
          h(
            document,
            'h3',
            both((copy) => copy.desk.preview),
            desk.preview,
          ),
          h(
            document,
            'div',
            { class: 'desk-preview' },
            h(document, 'iframe', {
              src,
              title: labelled(desk.preview, title, lang),
              height: 480,
              loading: 'lazy',
              style: 'display:block;border:1px solid var(--c-faint);width:100%',
              'data-gaoping-embed': true,
            }),
          ),
        );
      };
      return [
        h(
          document,
          'main',
          {
            id: 'main',
            class: 'desk',
            'data-lang': lang,
            'data-root': root,
            'data-copied': desk.copied,
            'data-copy-fallback': desk.copyFallback,
          },
          h(document, 'h1', {}, desk.title),
          h(document, 'p', {}, desk.intro),
          h(
            document,
            'p',
            { class: 'desk-links' },
            h(document, 'a', { href: href(page, route('story', lang)) }, desk.storyLink),
            h(document, 'a', { href: href(page, CHART_MANIFEST) }, desk.manifest),
            h(document, 'a', { href: href(page, route('data', lang)) }, desk.dataPage),
            h(
              document,
              'a',
              { href: href(page, imageRoutes.poster(lang)), download: `gaoping-2025-poster-${lang}.png` },
              content[lang].share.posterLink,
            ),
            languageLink(document, content[lang], PAGES.desk),
          ),
          // The citation lives here rather than under every embed (an embed shows it with ?cite=1).
          h(
            document,
            'details',
            { class: 'desk-cite' },
            h(document, 'summary', {}, content[lang].cite.heading),
            citeBox(document, dataset, content[lang], site, { headingLevel: 'h2', id: 'desk-cite', licence: true }),
          ),
          h(
            document,
            'form',
            { class: 'desk-options', 'aria-label': desk.title },
            radios(
              'lang',
              desk.language,
              [
                ['zh', '中文'],
                ['en', 'English'],
              ],
              lang,
            ),
            radios(
              'theme',
              desk.theme,
              [
                ['light', desk.themeLight],
                ['dark', desk.themeDark],
                ['auto', desk.themeAuto],
              ],
              DEFAULT_EMBED_OPTIONS.theme,
            ),
            radios(
              'title',
              desk.titleBlock,
              [
                ['1', desk.titleOn],
                ['0', desk.titleOff],
              ],
              DEFAULT_EMBED_OPTIONS.showTitle ? '1' : '0',
            ),
            h(
              document,
              'fieldset',
              {},
              h(document, 'legend', {}, desk.display),
              checkbox('plain', desk.plain),
              checkbox('transparent', desk.transparent),
            ),
            h(
              document,
              'fieldset',
              {},
              h(document, 'legend', {}, desk.extras),
              checkbox('print', desk.extraPrint),
              checkbox('cite', desk.extraCite),
              checkbox('langlink', desk.extraLanguage),
            ),
            h(
              document,
              'fieldset',
              {},
              h(document, 'legend', {}, desk.maxWidth),
              h(
                document,
                'label',
                {},
                h(
                  document,
                  'select',
                  { name: 'maxwidth', 'aria-label': desk.maxWidth },
                  h(document, 'option', { value: '', selected: true }, desk.maxWidthNone),
                  ...[480, 640, 800, 1000].map((px) => h(document, 'option', { value: px }, `${px} px`)),
                ),
              ),
            ),
            radios(
              'device',
              desk.device,
              [
                ['phone', `${desk.devicePhone} ${DEVICE_WIDTHS.phone}`],
                ['tablet', `${desk.deviceTablet} ${DEVICE_WIDTHS.tablet}`],
                ['full', desk.deviceFull],
              ],
              'full',
            ),
          ),
          ...charts.map((chart) => card(chart.id)),
        ),
      ];
    },
  );
}

/** "12.3 KB": a file's size as a download list gives it. */
function fileSize(bytes: number, lang: Lang): string {
  return bytes < 1024
    ? `${formatDigits(bytes, lang)} B`
    : `${formatDigits(Math.round(bytes / 102.4) / 10, lang, 1)} KB`;
}

/**
 * One row per table: what it holds, its row count, the primary file and its Excel copy with sizes,
 * under one line saying which to use.
 */
function downloadTables(
  document: Document,
  content: StoryContent,
  root: string,
  tables: ReturnType<typeof packageTables>,
): HTMLElement[] {
  const { dataPage: text, lang } = content;
  const link = (href: string, size: number) => [
    h(document, 'a', { href: `${root}${href}`, download: href.split('/').pop() }, href.replace(/^data\//, '')),
    ` (${fileSize(size, lang)})`,
  ];
  return [
    h(document, 'p', { class: 'data-note' }, text.primaryNote),
    h(
      document,
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': text.downloads },
      h(
        document,
        'table',
        { class: 'download-table' },
        h(
          document,
          'thead',
          {},
          h(
            document,
            'tr',
            {},
            ...[text.tableName, text.tableRows, text.tablePrimary, text.tableExcel].map((label) =>
              h(document, 'th', { scope: 'col' }, label),
            ),
          ),
        ),
        h(
          document,
          'tbody',
          {},
          ...tables.map((table) =>
            h(
              document,
              'tr',
              {},
              h(
                document,
                'th',
                { scope: 'row' },
                table.name,
                h(document, 'br'),
                h(document, 'small', {}, text.tableNotes[table.name] ?? ''),
              ),
              h(document, 'td', { class: 'num' }, formatDigits(table.rows.length, lang)),
              h(
                document,
                'td',
                {},
                ...link(`data/${tablePath(table.name)}`, Buffer.byteLength(tableCsv(table, false))),
              ),
              h(
                document,
                'td',
                {},
                ...link(`data/${excelTablePath(table.name)}`, Buffer.byteLength(tableCsv(table, true))),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
}

/**
 * Every file under /data/ besides the package's tables, datapackage.json and ZIP (listed with them):
 * path under data/ and what it is. The /data/ page and the README list these; a dist check holds
 * the list to the build, so a new file cannot go unnamed.
 */
export function wholeDatasetFiles(dataset: Dataset, content: StoryContent): Array<[string, string]> {
  const text = content.dataPage;
  return [
    ['metrics.json', text.filesJson],
    ['metrics.csv', text.filesCsv],
    ['records.csv', text.filesRecordsCsv],
    ['context.json', text.filesContextJson],
    ['context.csv', text.filesContextCsv],
    ['sources.json', text.filesSourcesJson],
    ['sources.csv', text.filesSourcesCsv],
    ...(dataset.context?.sources ?? []).map((source): [string, string] => [
      sourceRoutes.text(source.file).replace(/^data\//, ''),
      fillTemplate(text.filesSourceText, { title: source.title[content.lang] }),
    ]),
    ['explore/explore.csv', text.filesExplore],
    ['explore/explore.json', text.filesExploreJson],
    ['ledger-exclusions.json', text.filesExclusions],
    ['metrics.schema.json', text.filesSchema],
    ['gaoping.topojson', text.filesTopo],
  ];
}

/** /data/: every download, every field, the source, the inputs' licences, the version, how to cite. */
export function dataPage(
  inputs: ChartInputs,
  content: StoryContent,
  css: string,
  site: SiteUrl,
  scripts: string[],
): string {
  const { dataset } = inputs;
  const { dataPage: text, lang } = content;
  const path = route('data', lang);
  const root = rootFrom(path);
  const share = shareHead(site, {
    lang,
    title: text.title,
    description: text.intro,
    path,
    image: imageRoutes.storyShare(lang),
    imageAlt: content.meta.title,
    alternate: route('data', otherLang(lang)),
    siteName: content.share.projectName,
  });
  return renderPage(
    {
      htmlLang: HTML_LANG[lang],
      title: text.title,
      description: text.intro,
      styles: [css],
      moduleScripts: scripts.map((file) => root + file),
      head: share,
    },
    (document) => {
      const files = wholeDatasetFiles(dataset, content);
      const tables = packageTables(dataset, inputs.geo);
      return [
        h(
          document,
          'main',
          { id: 'main', class: 'data-page' },
          h(
            document,
            'p',
            { class: 'desk-links' },
            h(document, 'a', { href: href(path, route('story', lang)) }, text.backToStory),
            h(document, 'a', { href: href(path, route('desk', lang)) }, text.embedDesk),
            languageLink(document, content, PAGES.data),
          ),
          h(document, 'h1', {}, text.title),
          h(document, 'p', {}, text.intro),
          h(
            document,
            'p',
            { class: 'desk-links' },
            h(document, 'a', { href: href(path, route('explore', lang)) }, content.report.exploreLink),
            h(document, 'a', { href: href(path, route('report', lang)) }, content.explore.reportLink),
          ),
          h(document, 'h2', {}, text.downloads),
          ...downloadTables(document, content, root, tables),
          h(document, 'h3', {}, text.wholeDataset),
          h(
            document,
            'ul',
            {},
            ...packageDownloads(document, content, root, []),
            ...files.map(([file, label]) =>
              h(
                document,
                'li',
                {},
                h(document, 'a', { href: `${root}data/${file}`, download: file.split('/').pop() }, file),
                h(document, 'span', {}, ` — ${label}`),
              ),
            ),
          ),
          h(document, 'p', { class: 'data-note' }, text.earlierAddresses),
          ...dataDocs(document, content, {
            tables,
            townProjects: filled(TOWN_PROJECTS_TABLE, []),
          }),
          h(document, 'h2', {}, text.source),
          h(
            document,
            'p',
            {},
            `${dataset.source.title[lang]} · ${dataset.source.date} · ${dataset.source.venue[lang]}`,
          ),
          h(document, 'p', {}, fillTemplate(text.artefact, { count: formatDigits(dataset.source.notes.length, lang) })),
          h(document, 'h2', {}, text.licences),
          h(document, 'ul', {}, ...text.licenceLines.map((line) => h(document, 'li', {}, line))),
          h(document, 'h2', {}, text.version),
          h(document, 'p', {}, `schemaVersion ${dataset.schemaVersion}`),
          citeBox(document, dataset, content, site, { licence: true }),
        ),
      ];
    },
  );
}

/**
 * 404.html: served for any unknown path, at any depth, so its links start from SITE_URL's path
 * (works under a subpath such as /graphics/gaoping/).
 */
export function notFoundPage(content: Record<Lang, StoryContent>, css: string, site: SiteUrl): string {
  const title = `${content.zh.notFound.title} · ${content.en.notFound.title}`;
  const base = site.basePath;
  const share = shareHead(site, {
    lang: 'zh',
    title,
    description: content.zh.meta.description,
    path: '',
    image: imageRoutes.storyShare('zh'),
    imageAlt: content.zh.meta.title,
    siteName: content.zh.share.projectName,
    canonical: false,
  });
  return renderPage({ htmlLang: HTML_LANG.zh, title, styles: [css], head: share }, (document) => [
    h(
      document,
      'main',
      { id: 'main', class: 'not-found' },
      ...(['zh', 'en'] as const).map((lang) => {
        const text = content[lang].notFound;
        return h(
          document,
          'section',
          { lang: HTML_LANG[lang] },
          h(document, 'h1', {}, text.title),
          h(document, 'p', {}, text.text),
          h(
            document,
            'ul',
            {},
            ...charts.map((chart) =>
              h(
                document,
                'li',
                {},
                h(document, 'a', { href: `${base}${chartRoutes.embed(chart.id, lang)}` }, chart.id),
                h(document, 'span', {}, ` — ${content[lang].charts[chart.id]!.title}`),
              ),
            ),
          ),
          h(document, 'p', {}, h(document, 'a', { href: `${base}${route('story', lang)}` }, text.home)),
        );
      }),
    ),
  ]);
}
