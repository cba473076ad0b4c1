import { parseHTML } from 'linkedom';
import type { Dataset, Lang } from '../data/types';
import type { Block, StoryContent, Step } from './content-types';
import { chartById } from '../charts/registry';
import type { ChartModule } from '../charts/types';
import { chartWidths, type ChartVariant } from '../design/tokens';
import { fillCopy, resolveFocus } from './fill';
import { differentScopePairs, nonComparablePairs } from '../data/derive';
import { comparabilityTag, describePair } from '../charts/describe';
import { formatDigits, formatFigure } from '../data/format';
import type { Topology } from 'topojson-specification';
import { townCodes } from '../geo/town-codes';
import { projectsByTown, unplacedProjects } from '../charts/town-map';
import type { Project } from '../data/types';
import { fillTemplate } from '../charts/plot-kit';

type El = HTMLElement;

/**
 * Renders the whole story as static HTML at build time. Every string from the dataset or the
 * copy goes in through textContent, so none of it can become markup.
 */
export interface EmbedLinks {
  story: string;
  csv: string;
  json: string;
  svg: string;
}

/** The body of one chart's embed page: the same figure the story shows, plus its source and downloads. */
export function renderEmbedBody(dataset: Dataset, content: StoryContent, geo: Topology, chartId: string, links: EmbedLinks): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const page = new PageBuilder(document as unknown as Document, dataset, content, geo);
  return page.embed(chartId, links).outerHTML;
}

export function renderStory(dataset: Dataset, content: StoryContent, geo: Topology): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const page = new PageBuilder(document as unknown as Document, dataset, content, geo);
  return page.build().outerHTML;
}

class PageBuilder {
  private towns: Set<string>;

  constructor(private doc: Document, private dataset: Dataset, private content: StoryContent, private geo: Topology) {
    this.towns = townCodes(geo);
  }

  private el(tag: string, attrs: Record<string, string> = {}, text?: string): El {
    const element = this.doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  private fill(template: string): string {
    return fillCopy(template, this.dataset, this.content.lang);
  }

  embed(chartId: string, links: EmbedLinks): El {
    const { page } = this.content;
    const chart = this.chart(chartId);
    const main = this.el('main', { class: 'embed', id: 'main' });
    const figure = this.figure(chart, 'embed');
    figure.classList.add('is-active');
    figure.querySelector('.chart-title')?.setAttribute('class', 'chart-title embed-title');
    main.appendChild(figure);
    const footer = this.el('div', { class: 'embed-footer' });
    const nav = this.el('span', { class: 'embed-links' });
    const link = (href: string, label: string, download?: string) => {
      const a = this.el('a', { href, ...(download ? { download } : { target: '_blank', rel: 'noopener' }) }, label);
      nav.appendChild(a);
    };
    link(links.story, page.embedReadStory);
    link(links.csv, page.embedDataCsv, `${chartId}.csv`);
    link(links.json, page.embedDataJson, `${chartId}.json`);
    link(links.svg, page.embedSvg, `${chartId}.svg`);
    nav.appendChild(this.el('button', { type: 'button', class: 'embed-png', 'data-chart': chartId }, page.embedPng));
    footer.appendChild(nav);
    main.appendChild(footer);
    main.appendChild(this.dataDetails(chart, 'embed'));
    if (chart.id === 'town-map') main.appendChild(this.embedTownList());
    return main;
  }

  build(): El {
    const main = this.el('main', { id: 'main', class: 'story' });
    for (const [index, block] of this.content.blocks.entries()) main.appendChild(this.block(block, index));
    return main;
  }

  private block(block: Block, index: number): El {
    switch (block.type) {
      case 'hero': {
        const header = this.el('header', { class: 'hero' });
        header.append(
          this.el('p', { class: 'hero-kicker' }, block.kicker),
          this.el('h1', { class: 'hero-title' }, block.title),
          this.el('p', { class: 'hero-dek' }, this.fill(block.dek)),
          this.el('p', { class: 'hero-byline' }, block.byline),
        );
        return header;
      }
      case 'kpis': {
        const section = this.el('section', { class: 'kpis', 'aria-labelledby': `block-${index}` });
        section.appendChild(this.el('h2', { id: `block-${index}`, class: 'section-heading' }, block.heading));
        const list = this.el('ul', { class: 'kpi-list' });
        for (const item of block.items) {
          const entry = this.el('li', { class: 'kpi' });
          entry.append(this.el('span', { class: 'kpi-value' }, this.fill(item.value)), this.el('span', { class: 'kpi-caption' }, item.caption));
          list.appendChild(entry);
        }
        section.appendChild(list);
        return section;
      }
      case 'text': {
        const section = this.el('section', { class: 'prose' });
        if (block.heading) section.appendChild(this.el('h2', { class: 'section-heading' }, block.heading));
        for (const paragraph of block.paragraphs) section.appendChild(this.el('p', {}, this.fill(paragraph)));
        return section;
      }
      case 'scrolly':
        return this.scrolly(block.id, block.heading, block.steps);
      case 'chart': {
        const section = this.el('section', { class: 'standalone-chart' });
        if (block.text) section.appendChild(this.el('p', { class: 'prose-lede' }, this.fill(block.text)));
        section.appendChild(this.figure(this.chart(block.chart), `standalone-${index}`));
        section.appendChild(this.dataDetails(this.chart(block.chart), `standalone-${index}`));
        return section;
      }
      case 'caveats':
        return this.caveats(block.heading, block.intro, index);
      case 'townList':
        return this.townList(block.heading, block.intro, index);
      case 'methods': {
        const section = this.el('section', { class: 'prose methods', 'aria-labelledby': `block-${index}` });
        section.appendChild(this.el('h2', { id: `block-${index}`, class: 'section-heading' }, block.heading));
        for (const paragraph of block.paragraphs) section.appendChild(this.el('p', {}, this.fill(paragraph)));
        const link = this.el('a', { href: this.content.lang === 'zh' ? 'data/metrics.json' : '../data/metrics.json', download: 'gaoping-2025-metrics.json' }, this.content.page.downloadData);
        section.appendChild(this.el('p')).appendChild(link);
        return section;
      }
    }
  }

  private chart(id: string): ChartModule {
    const chart = chartById(id);
    if (!chart) throw new Error(`content (${this.content.lang}) names unknown chart "${id}"`);
    return chart;
  }

  private scrolly(id: string, heading: string, steps: Step[]): El {
    const section = this.el('section', { class: 'scrolly', id: `section-${id}`, 'aria-labelledby': `heading-${id}` });
    section.appendChild(this.el('h2', { id: `heading-${id}`, class: 'section-heading' }, heading));
    const layout = this.el('div', { class: 'scrolly-layout' });
    const graphic = this.el('div', { class: 'scrolly-graphic' });
    const stepList = this.el('div', { class: 'scrolly-steps' });
    const chartIds = [...new Set(steps.map((step) => step.chart))];
    chartIds.forEach((chartId, position) => {
      const figure = this.figure(this.chart(chartId), id);
      if (position === 0) figure.classList.add('is-active');
      graphic.appendChild(figure);
    });
    steps.forEach((step, stepIndex) => {
      const focus = resolveFocus(step.focus, this.dataset, this.towns);
      const stepEl = this.el('div', {
        class: 'step',
        'data-step': String(stepIndex),
        'data-chart': step.chart,
        'data-focus': focus.join(' '),
        tabindex: '0',
        'aria-label': this.content.page.stepLabel.replace('{n}', String(stepIndex + 1)),
      });
      stepEl.appendChild(this.el('p', {}, this.fill(step.text)));
      stepList.appendChild(stepEl);
    });
    layout.append(graphic, stepList);
    section.appendChild(layout);
    const details = this.el('div', { class: 'scrolly-data' });
    for (const chartId of chartIds) details.appendChild(this.dataDetails(this.chart(chartId), id));
    section.appendChild(details);
    return section;
  }

  private figure(chart: ChartModule, scope: string): El {
    const { lang, chartText, charts } = this.content;
    const copy = charts[chart.id];
    if (!copy) throw new Error(`content (${lang}) has no title for chart "${chart.id}"`);
    const figure = this.el('figure', { class: 'chart', 'data-chart': chart.id, id: `chart-${scope}-${chart.id}` });
    figure.append(this.el('h3', { class: 'chart-title' }, copy.title), this.el('p', { class: 'chart-subtitle' }, copy.subtitle));
    for (const variant of Object.keys(chartWidths) as ChartVariant[]) {
      const holder = this.el('div', { class: `chart-svg chart-svg--${variant}` });
      const svg = chart.render(this.dataset, { width: chartWidths[variant], lang, document: this.doc, text: chartText, title: copy.title, geo: this.geo });
      svg.setAttribute('aria-describedby', `desc-${scope}-${chart.id}`);
      holder.appendChild(svg);
      figure.appendChild(holder);
    }
    if (chart.id === 'town-map') figure.appendChild(this.mapPanel());
    return figure;
  }

  private dataDetails(chart: ChartModule, scope: string): El {
    const { lang, chartText, page, charts } = this.content;
    const details = this.el('details', { class: 'chart-data' });
    details.appendChild(this.el('summary', {}, `${charts[chart.id]?.title ?? chart.id}：${page.dataTable}`.replace('：', lang === 'zh' ? '：' : ': ')));
    details.appendChild(this.el('p', { id: `desc-${scope}-${chart.id}`, class: 'chart-description' }, chart.describe(this.dataset, lang, chartText, this.geo)));
    const table = chart.table(this.dataset, lang, chartText, this.geo);
    const wrapper = this.el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': charts[chart.id]?.title ?? chart.id });
    const tableEl = this.el('table');
    const headRow = tableEl.appendChild(this.el('thead')).appendChild(this.el('tr'));
    for (const column of table.columns) headRow.appendChild(this.el('th', { scope: 'col' }, column));
    const body = tableEl.appendChild(this.el('tbody'));
    for (const row of table.rows) {
      const tr = body.appendChild(this.el('tr'));
      row.forEach((cell, i) => tr.appendChild(this.el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, cell)));
    }
    wrapper.appendChild(tableEl);
    details.appendChild(wrapper);
    return details;
  }

  private caveats(heading: string, intro: string, index: number): El {
    const { lang, chartText } = this.content;
    const section = this.el('section', { class: 'prose caveats', 'aria-labelledby': `block-${index}` });
    section.append(this.el('h2', { id: `block-${index}`, class: 'section-heading' }, heading), this.el('p', {}, intro));
    const list = this.el('dl', { class: 'caveat-list' });
    for (const metric of [...nonComparablePairs(this.dataset), ...differentScopePairs(this.dataset)]) {
      list.appendChild(this.el('dt', {}, metric.label[lang]));
      const dd = this.el('dd');
      dd.append(
        this.el('span', { class: 'caveat-values' }, describePair(metric, lang, chartText)),
        this.el('span', { class: 'caveat-note' }, `${comparabilityTag(metric, chartText)}${chartText.noteSeparator}${metric.note?.[lang] ?? ''}`),
      );
      list.appendChild(dd);
    }
    section.appendChild(list);
    return section;
  }

  /** Filled by the page script when a reader picks a town; empty (and hidden) without JavaScript. */
  private mapPanel(): El {
    const panel = this.el('div', { class: 'map-panel', hidden: '', tabindex: '-1', role: 'region', 'aria-live': 'polite', 'aria-label': this.content.charts['town-map']?.title ?? '' });
    panel.appendChild(this.el('button', { type: 'button', class: 'map-panel-close' }, this.content.page.mapPanelClose));
    panel.appendChild(this.el('div', { class: 'map-panel-body' }));
    return panel;
  }

  private projectItem(project: Project): El {
    const { lang } = this.content;
    const item = this.el('li', { class: 'project', 'data-project': project.id });
    item.appendChild(this.el('span', { class: 'project-label' }, project.label[lang]));
    item.appendChild(this.el('q', { class: 'project-quote', lang: 'zh-CN' }, project.quote));
    if (project.unlocatedName) item.appendChild(this.el('span', { class: 'project-note' }, fillTemplate(this.content.chartText.mapUnlocated, { name: project.unlocatedName })));
    if (project.placeNote) item.appendChild(this.el('span', { class: 'project-note' }, project.placeNote[lang]));
    return item;
  }

  private projectList(title: string, projects: Project[]): El[] {
    if (projects.length === 0) return [];
    const list = this.el('ul', { class: 'project-list' });
    for (const project of projects) list.appendChild(this.projectItem(project));
    return [this.el('h4', { class: 'project-year' }, title), list];
  }

  /** The map embed's town list, collapsed: the panel opens from it, and it is the map's text twin. */
  private embedTownList(): El {
    const block = this.content.blocks.find((b) => b.type === 'townList');
    if (block?.type !== 'townList') throw new Error(`content (${this.content.lang}) has no townList block for the map embed`);
    const details = this.el('details', { class: 'chart-data town-list-details' });
    details.appendChild(this.el('summary', {}, block.heading));
    details.appendChild(this.townList(block.heading, block.intro, 0));
    return details;
  }

  /** Every town and every place-tied project, as text: the map's accessible twin and its no-JS form. */
  private townList(heading: string, intro: string, index: number): El {
    const { lang, page, chartText } = this.content;
    const section = this.el('section', { class: 'prose town-list', 'aria-labelledby': `block-${index}` });
    section.append(this.el('h2', { id: `block-${index}`, class: 'section-heading' }, heading), this.el('p', {}, intro));
    for (const entry of projectsByTown(this.dataset, this.geo)) {
      const town = this.el('section', { class: 'town-entry', id: `town-${entry.town.code}`, 'data-town': entry.town.code });
      town.appendChild(this.el('h3', { class: 'town-name' }, entry.town.name[lang === 'zh' ? 'zh' : 'en'] + (lang === 'en' ? ` (${entry.town.name.zh})` : '')));
      const facts = [fillTemplate(page.mapPosition, { km: formatDigits(entry.town.uncertaintyKm, lang, 1), confidence: entry.town.confidence === 'low' ? page.confidenceLow : page.confidenceMedium })];
      if (entry.town.mergedFrom.length > 0) facts.push(fillTemplate(page.mapMergedFrom, { names: entry.town.mergedFrom.join(lang === 'zh' ? '、' : ', ') }));
      town.appendChild(this.el('p', { class: 'town-facts' }, facts.join(lang === 'zh' ? '；' : '. ')));
      const lists = [...this.projectList(page.mapResults, entry.results), ...this.projectList(page.mapPlans, entry.plans)];
      if (lists.length === 0) town.appendChild(this.el('p', { class: 'town-none' }, page.mapNoProjects));
      else town.append(...lists);
      section.appendChild(town);
    }
    const wide = this.el('section', { class: 'town-entry district-wide', id: 'town-district-wide' });
    const all = unplacedProjects(this.dataset);
    const count = (status: Project['placeStatus']) => formatDigits(all.filter((p) => p.placeStatus === status).length, lang);
    wide.appendChild(this.el('h3', { class: 'town-name' }, fillTemplate(chartText.mapDistrictWide, { districtWide: count('district-wide'), unlocated: count('unlocated') })));
    wide.append(...this.projectList(page.mapResults, all.filter((p) => p.year === 2024)), ...this.projectList(page.mapPlans, all.filter((p) => p.year === 2025)));
    section.appendChild(wide);
    return section;
  }
}
