import { describe, expect, it } from 'vitest';
import { timeScale } from '../../scripts/lib/time-scale';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { join, relative, resolve, dirname } from 'node:path';
import * as Plot from '@observablehq/plot';
import { charts, chartById, registerChartForTest } from '../../src/charts/registry';
import type { ChartModule } from '../../src/charts/types';
import { plotFrame, finishSvg, tagWith } from '../../src/charts/plot-kit';
import { metricRows, toCsv } from '../../src/data/rows';
import { contentByLang } from '../../src/content';
import type { Lang, StoryContent } from '../../src/content/types';
import { chartFiles, chartManifest } from '../../src/site/site-pages';
import { inputs, storyHtml } from '../support/render';
import { parseHTML } from 'linkedom';
import { h } from '../../src/dom/html';
import { HTML_LANG } from '../../src/content/types';
import { languageSwitch } from '../../src/figure/language-switch';
import { parseSiteUrl } from '../../src/publish/site-url';
import { href, inLang, PAGE_IDS, route } from '../../src/routes/routes';
import { renderPage } from '../../src/site/html-document';
import { loadSiteInputs } from '../../src/site/inputs';
import { ENTRY_MODULES, renderSite, SITE_PAGES, type SiteAssets, type SitePage } from '../../src/site/render-site';

const SRC = resolve(__dirname, '../../src');
const ROOT = resolve(__dirname, '../..');

/**
 * The layers, lowest first. A module may import its own layer and any lower one, never a higher
 * one: content → data → charts → figure → story and embed → publish → site. dom and design are utilities
 * every layer may use; i18n (Lang, Bilingual) sits below everything; geo (map data) sits below data,
 * so data may read it and never the other way round; routes (the URL layout of dist/) sits with
 * content, so every page can link.
 */
const LAYER: Record<string, number> = {
  dom: 0,
  design: 0,
  types: 0,
  i18n: 0,
  geo: 1,
  content: 1,
  routes: 1,
  data: 2,
  charts: 3,
  figure: 4,
  story: 5,
  embed: 5,
  report: 5,
  explore: 5,
  publish: 6,
  site: 7,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mts)$/.test(name) ? [path] : [];
  });
}

/**
 * Every module a file names, parsed with TypeScript: static, side-effect, re-exported and dynamic
 * imports, and (unless `runtimeOnly`) type-only ones, which the bundler erases.
 */
function specifiersOf(file: string, runtimeOnly = false): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.importClause?.isTypeOnly === true ||
        (node.importClause?.namedBindings !== undefined &&
          ts.isNamedImports(node.importClause.namedBindings) &&
          !node.importClause.name &&
          node.importClause.namedBindings.elements.length > 0 &&
          node.importClause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!(runtimeOnly && typeOnly)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!(runtimeOnly && node.isTypeOnly)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
/** The relative ones, which the layer rule is about. */
const importsOf = (file: string) => specifiersOf(file).filter((spec) => spec.startsWith('.'));

/** A relative specifier as the file it names (the project imports .ts files without their extension). */
function resolveModule(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every package and built-in a module reaches through its relative imports, dynamic ones included. */
function packagesReached(entry: string): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.endsWith('.ts')) return;
    seen.add(file);
    for (const spec of specifiersOf(file, true)) {
      if (!spec.startsWith('.')) {
        if (!reached.has(spec)) reached.set(spec, relative(ROOT, file));
        continue;
      }
      const target = resolveModule(file, spec);
      if (target) visit(target);
    }
  };
  visit(entry);
  return reached;
}

describe('imports run one way', () => {
  it('no module imports a higher layer (and story, embed, report and explore do not import each other)', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = relative(SRC, file).split('/')[0]!;
      for (const spec of importsOf(file)) {
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0]!;
        if (!(target in LAYER)) continue;
        const sideways = from !== target && LAYER[from] === LAYER[target] && LAYER[from] === 5;
        if (LAYER[target]! > LAYER[from]! || sideways) wrong.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('browser code never reaches Node built-ins or build-time packages (Plot, zod, linkedom, resvg), dynamic imports included', () => {
    const entries = [...Object.values(ENTRY_MODULES), 'src/embed/loader.ts'].map((entry) => join(ROOT, entry));
    const buildTime =
      /^(node:|zod$|linkedom$|@observablehq\/plot$|@resvg\/|d3-geo$|topojson-client$|qrcode$|harfbuzzjs)/;
    const wrong = entries.flatMap((entry) =>
      [...packagesReached(entry)]
        .filter(([spec]) => buildTime.test(spec))
        .map(([spec, file]) => `${relative(ROOT, entry)} reaches ${spec} (in ${file})`),
    );
    expect(wrong).toEqual([]);
    // The scanner sees dynamic imports: the story's client loads its tooltips with import().
    expect(specifiersOf(join(ROOT, 'src/story/client.ts'))).toContain('../figure/tooltips');
  });

  it('scripts never import tests, and no stray files sit at the root (only the Vite and ESLint configs)', () => {
    const wrong = files(join(ROOT, 'scripts')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => resolve(dirname(file), spec).startsWith(join(ROOT, 'tests')))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
    expect(readdirSync(ROOT).filter((name) => /\.(ts|mjs|js)$/.test(name))).toEqual([
      'eslint.config.js',
      'vite.config.ts',
    ]);
  });

  it('pages and downloads never name a chart: only the chart modules and the registry know them', () => {
    const ids = charts.map((chart) => chart.id);
    const naming = files(SRC)
      .filter((file) => !file.includes('/charts/'))
      .flatMap((file) => {
        const code = readFileSync(file, 'utf8');
        return ids
          .filter((id) => code.includes(`'${id}'`) || code.includes(`"${id}"`) || code.includes(`\`${id}\``))
          .map((id) => `${relative(ROOT, file)} names ${id}`);
      });
    expect(naming).toEqual([]);
  });
});

/** The recipe for a new chart (docs/architecture.md), followed for a throwaway one. */
const throwaway: ChartModule = {
  id: 'recipe-check',
  keys: ({ dataset }) =>
    dataset.metrics
      .filter((m) => m.sector === 'headline' && m.actual2024)
      .slice(0, 2)
      .map((m) => m.id),
  rows: (chartInputs) => metricRows(chartInputs.dataset, throwaway.keys(chartInputs)),
  describe: (chartInputs, lang) => `recipe ${lang}: ${throwaway.keys(chartInputs).join(', ')}`,
  table: (chartInputs) => ({ columns: ['id'], rows: throwaway.keys(chartInputs).map((id) => [id]) }),
  render({ dataset }, { width, lang, document, text, title }) {
    const rows = dataset.metrics
      .filter((m) => m.sector === 'headline' && m.actual2024)
      .slice(0, 2)
      .map((m) => ({ id: m.id, value: m.actual2024!.value }));
    const svg = Plot.plot({
      ...plotFrame(document, width, 120, 20, 20),
      marks: [Plot.dotX(rows, { x: 'value', render: tagWith((i) => rows[i]!.id, { label: (i) => rows[i]!.id }) })],
    }) as SVGSVGElement;
    return finishSvg(svg, { label: title, source: text.source, document, idPrefix: `recipe-check-${lang}-${width}` });
  },
};

function withCopy(content: StoryContent): StoryContent {
  const copy = structuredClone(content);
  copy.charts['recipe-check'] = { title: `RECIPE TITLE ${content.lang}`, subtitle: 'recipe subtitle' };
  copy.blocks.push({ type: 'chart', chart: 'recipe-check' });
  return copy;
}

/**
 * Renders whole stories or every page of the site, in both languages (every chart, the map's label
 * search included): a named budget longer than a unit's 5 s.
 */
const SITE_RENDER_BUDGET_MS = 30_000 * timeScale();

describe('adding a chart: module, registry entry, copy; nothing else', () => {
  it(
    'shows a newly registered chart on every surface: story, embed, downloads and manifest',
    () => {
      const unregister = registerChartForTest(throwaway);
      try {
        expect(chartById('recipe-check')).toBe(throwaway);
        const content: Record<Lang, StoryContent> = { zh: withCopy(contentByLang.zh), en: withCopy(contentByLang.en) };
        expect(storyHtml(content.zh)).toContain('data-chart="recipe-check"');
        expect(storyHtml(content.en)).toContain('RECIPE TITLE en');
        const built = new Map(chartFiles(inputs, content, 'recipe-check', { css: [], scripts: ['assets/embed.js'] }));
        expect([...built.keys()].sort()).toEqual(
          [
            'embed/recipe-check/data.csv',
            'embed/recipe-check/data.json',
            'embed/recipe-check/index.html',
            'embed/recipe-check/chart.svg',
            'en/embed/recipe-check/index.html',
            'en/embed/recipe-check/chart.svg',
          ].sort(),
        );
        expect(built.get('embed/recipe-check/index.html')).toContain('RECIPE TITLE zh');
        expect(built.get('embed/recipe-check/data.csv')).toBe(toCsv(throwaway.rows(inputs)));
        expect(JSON.parse(chartManifest(content)).charts.map((c: { id: string }) => c.id)).toContain('recipe-check');
      } finally {
        unregister();
      }
      expect(charts.map((c) => c.id)).not.toContain('recipe-check');
    },
    SITE_RENDER_BUDGET_MS,
  );
});

/** The architecture doc's recipe for a new page (docs/architecture.md), followed for a throwaway one. */
describe('adding a page: one route, one render function; nothing else', () => {
  const assets: SiteAssets = Object.fromEntries(
    Object.keys(ENTRY_MODULES).map((name) => [name, { scripts: [`assets/${name}.js`], css: [] }]),
  ) as unknown as SiteAssets;
  const colophon: SitePage = {
    path: 'colophon/',
    render: ({ site }, lang) =>
      renderPage({ htmlLang: HTML_LANG[lang], title: `COLOPHON ${lang}` }, (document) => [
        h(
          document,
          'main',
          { id: 'main' },
          h(document, 'h1', {}, `COLOPHON ${lang}`),
          h(document, 'a', { href: href(inLang('colophon/', lang), route('story', lang)) }, 'story'),
          languageSwitch(document, site.content[lang], 'colophon/'),
        ),
      ]),
  };

  it(
    'renders the new page in both languages, each linking to the story and to the other language, beside every routed page',
    () => {
      const files = renderSite(
        loadSiteInputs(),
        assets,
        parseSiteUrl('https://example.org/graphics/gaoping/'),
        { keepTemplatesInPage: true },
        [...SITE_PAGES, colophon],
      );
      for (const lang of ['zh', 'en'] as const) {
        for (const id of PAGE_IDS) expect(files.has(`${route(id, lang)}index.html`), `${id} ${lang}`).toBe(true);
        const path = inLang('colophon/', lang);
        const { document } = parseHTML(files.get(`${path}index.html`)!);
        expect(document.querySelector('h1')?.textContent).toBe(`COLOPHON ${lang}`);
        // Every link resolves to a rendered page of the site, under any subpath.
        const base = new URL(path, 'https://example.org/graphics/gaoping/');
        for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
          const target = new URL(anchor.getAttribute('href')!, base).pathname.replace('/graphics/gaoping/', '');
          expect(files.has(`${target}index.html`), `${path} → ${anchor.getAttribute('href')}`).toBe(true);
        }
        expect(document.querySelector('a[hreflang]')?.getAttribute('href')).toBe(
          lang === 'zh' ? '../en/colophon/' : '../../colophon/',
        );
      }
    },
    SITE_RENDER_BUDGET_MS,
  );
});
