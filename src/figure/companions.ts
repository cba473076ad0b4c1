import type { ChartModule, CompanionKind } from '../charts/types';
import type { Project } from '../data/types';
import { projectsByTown, unplacedProjects, areaProjects } from '../data/town-projects';
import { termIn } from '../data/glossary';
import { formatDigits } from '../data/format';
import { fillTemplate } from '../content/template';
import { h } from '../dom/html';
import type { PageContext } from './context';
import { provenance } from '../data/provenance';
import { sourceLinks } from './provenance-links';

/**
 * Page furniture a chart asks for by kind (ChartModule.companion). Pages call these for any chart;
 * only the chart module knows whether it has one.
 */
interface Companion {
  /** Inside the figure, after the chart (the town panel). */
  inFigure(ctx: PageContext, chart: ChartModule, scope: string): HTMLElement;
  /** After an embed's data details (the town list, collapsed: the panel reads from it). */
  afterEmbed(ctx: PageContext): HTMLElement;
}

const COMPANIONS: Record<CompanionKind, Companion> = {
  'town-panel': { inFigure: townPanel, afterEmbed: embedTownList },
};

export function companionFigurePart(ctx: PageContext, chart: ChartModule, scope: string): HTMLElement | undefined {
  return chart.companion ? COMPANIONS[chart.companion].inFigure(ctx, chart, scope) : undefined;
}

export function companionEmbedPart(ctx: PageContext, chart: ChartModule): HTMLElement | undefined {
  return chart.companion ? COMPANIONS[chart.companion].afterEmbed(ctx) : undefined;
}

/** Filled by the page script when a reader picks a town; empty (and hidden) without JavaScript. */
function townPanel(ctx: PageContext, chart: ChartModule, scope: string): HTMLElement {
  const { document, content } = ctx;
  // On phones a bottom sheet over a scrim; the handle closes it by a tap or a drag down (map-panel.ts).
  return h(
    document,
    'div',
    { class: 'map-panel-layer' },
    h(document, 'div', { class: 'map-panel-scrim', hidden: true }),
    h(
      document,
      'div',
      {
        class: 'map-panel',
        id: `panel-${scope}-${chart.id}`,
        hidden: true,
        tabindex: -1,
        role: 'dialog',
        'aria-label': content.charts[chart.id]?.title ?? chart.id,
      },
      // For touch and mouse only: the close button and Escape do the same from the keyboard.
      h(
        document,
        'div',
        { class: 'map-panel-handle', 'aria-hidden': 'true' },
        h(document, 'span', { class: 'map-panel-grip' }),
      ),
      h(document, 'button', { type: 'button', class: 'map-panel-close' }, content.page.mapPanelClose),
      h(document, 'div', { class: 'map-panel-body' }),
    ),
  );
}

/** The map embed's town list heading: the story's finder links there (the full list, without JavaScript too). */
export const EMBED_TOWN_LIST_ANCHOR = 'town-list-embed';

/** The map embed's town list, collapsed: the panel opens from it, and it is the map's text twin. */
function embedTownList(ctx: PageContext): HTMLElement {
  const block = ctx.content.blocks.find((b) => b.type === 'townFinder');
  if (block?.type !== 'townFinder')
    throw new Error(`content (${ctx.content.lang}) has no townFinder block for the map embed's town list`);
  return h(
    ctx.document,
    'details',
    { class: 'chart-data town-list-details' },
    h(ctx.document, 'summary', {}, block.listHeading),
    renderTownList(ctx, block.listHeading, block.listIntro, 'embed'),
  );
}

/** 「位置不明：X」: the report's own name for the place, marked as Chinese in the English edition. */
function unlocatedNote(ctx: PageContext, name: string): Array<string | HTMLElement> {
  const [before = '', ...rest] = ctx.content.chartText.mapUnlocated.split('{name}');
  const named = ctx.content.lang === 'en' ? h(ctx.document, 'span', { lang: 'zh-CN' }, name) : name;
  return [before, named, rest.join('{name}')];
}

/**
 * The report's words: in Chinese the quote; in English the quote's gloss as the line to read, with the
 * Chinese original under it in smaller type, so a reader can still check the source.
 */
function projectQuote(ctx: PageContext, project: Project): HTMLElement[] {
  const { document } = ctx;
  if (ctx.content.lang === 'zh' || project.quoteEn === undefined)
    return [h(document, 'q', { class: 'project-quote', lang: 'zh-CN' }, project.quote)];
  return [
    h(document, 'q', { class: 'project-gloss' }, project.quoteEn),
    h(document, 'q', { class: 'project-quote project-original', lang: 'zh-CN' }, project.quote),
  ];
}

/** `noteShown`: the place note is already given above the list (an area's shared note). */
function projectItem(ctx: PageContext, project: Project, noteShown = false): HTMLElement {
  const { document, content } = ctx;
  const { lang } = content;
  const entry = ctx.links
    ? provenance(ctx.inputs.dataset).find((e) => e.kind === 'project' && e.id === project.id)
    : undefined;
  return h(
    document,
    'li',
    { class: 'project', 'data-project': project.id },
    h(document, 'span', { class: 'project-label' }, project.label[lang]),
    ...projectQuote(ctx, project),
    project.unlocatedName
      ? h(document, 'span', { class: 'project-note' }, ...unlocatedNote(ctx, project.unlocatedName))
      : null,
    project.placeNote && !noteShown ? h(document, 'span', { class: 'project-note' }, project.placeNote[lang]) : null,
    entry ? sourceLinks(ctx, [entry]) : null,
  );
}

function projectList(ctx: PageContext, title: string, projects: Project[], noteShown = false): HTMLElement[] {
  if (projects.length === 0) return [];
  return [
    h(ctx.document, 'h4', { class: 'project-year' }, title),
    h(ctx.document, 'ul', { class: 'project-list' }, ...projects.map((p) => projectItem(ctx, p, noteShown))),
  ];
}

/** The heading of the projects tied to no unit: district-wide ones and those whose place is unknown, with their counts. */
export function districtWideHeading(ctx: PageContext): string {
  const { lang, chartText } = ctx.content;
  const all = unplacedProjects(ctx.inputs.dataset);
  const count = (status: Project['placeStatus']) =>
    formatDigits(all.filter((p) => p.placeStatus === status).length, lang);
  return fillTemplate(chartText.mapDistrictWide, {
    districtWide: count('district-wide'),
    unlocated: count('unlocated'),
  });
}

/** Every town and every place-tied project, as text: the map's accessible twin and its no-JS form. */
export function renderTownList(ctx: PageContext, heading: string, intro: string, scope: string): HTMLElement {
  const { document, content, inputs } = ctx;
  const { lang, page } = content;
  const headingId = `town-list-${scope}`;
  const section = h(
    document,
    'section',
    { class: 'prose town-list', 'aria-labelledby': headingId },
    h(document, 'h2', { id: headingId, class: 'section-heading' }, heading),
    h(document, 'p', {}, intro),
  );
  const areas = areaProjects(inputs.dataset).map((area, index) => ({
    ...area,
    id: `town-area-${index + 1}`,
    label: termIn(area.name, lang),
  }));
  for (const entry of projectsByTown(inputs.dataset, inputs.geo)) {
    // The English name keeps the Chinese one beside it, marked as Chinese for screen readers.
    const name: Array<string | HTMLElement> =
      lang === 'en'
        ? [`${entry.town.name.en} (`, h(document, 'span', { lang: 'zh-CN' }, entry.town.name.zh), ')']
        : [entry.town.name.zh];
    const facts = [
      fillTemplate(page.mapPosition, {
        km: formatDigits(entry.town.uncertaintyKm, lang, 1),
        confidence: entry.town.confidence === 'low' ? page.confidenceLow : page.confidenceMedium,
      }),
    ];
    // Former units by their official names in the page's language (glossary.json).
    if (entry.town.mergedFrom.length > 0)
      facts.push(
        fillTemplate(page.mapMergedFrom, {
          names: entry.town.mergedFrom.map((unit) => termIn(unit, lang)).join(lang === 'zh' ? '、' : ', '),
        }),
      );
    const lists = [
      ...projectList(ctx, page.mapResults, entry.results),
      ...projectList(ctx, page.mapPlans, entry.plans),
    ];
    // The unit's share of an area's projects: one line pointing at the area's list.
    const pointers = areas
      .filter((area) => area.codes.includes(entry.town.code))
      .map((area) =>
        h(
          document,
          'p',
          { class: 'town-area' },
          h(
            document,
            'a',
            { href: `#${area.id}` },
            fillTemplate(page.mapAreaNote, { area: area.label, count: formatDigits(area.projects.length, lang) }),
          ),
        ),
      );
    section.appendChild(
      h(
        document,
        'section',
        { class: 'town-entry', id: `town-${entry.town.code}`, 'data-town': entry.town.code },
        h(document, 'h3', { class: 'town-name' }, ...name),
        h(document, 'p', { class: 'town-facts' }, facts.join(lang === 'zh' ? '；' : '. ')),
        ...(lists.length + pointers.length === 0
          ? [h(document, 'p', { class: 'town-none' }, page.mapNoProjects)]
          : [...lists, ...pointers]),
      ),
    );
  }
  for (const area of areas) {
    // A note every project of the area shares (what the area covers) is said once, under its name.
    const notes = new Set(area.projects.map((p) => p.placeNote?.[lang]));
    const shared = notes.size === 1 ? [...notes][0] : undefined;
    section.appendChild(
      h(
        document,
        'section',
        { class: 'town-entry town-area-entry', id: area.id },
        h(
          document,
          'h3',
          { class: 'town-name' },
          fillTemplate(page.mapAreaHeading, { area: area.label, towns: formatDigits(area.codes.length, lang) }),
        ),
        shared ? h(document, 'p', { class: 'town-facts' }, shared) : null,
        ...projectList(
          ctx,
          page.mapResults,
          area.projects.filter((p) => p.year === 2024),
          shared !== undefined,
        ),
        ...projectList(
          ctx,
          page.mapPlans,
          area.projects.filter((p) => p.year === 2025),
          shared !== undefined,
        ),
      ),
    );
  }
  const all = unplacedProjects(inputs.dataset);
  section.appendChild(
    h(
      document,
      'section',
      { class: 'town-entry district-wide', id: 'town-district-wide' },
      h(document, 'h3', { class: 'town-name' }, districtWideHeading(ctx)),
      ...projectList(
        ctx,
        page.mapResults,
        all.filter((p) => p.year === 2024),
      ),
      ...projectList(
        ctx,
        page.mapPlans,
        all.filter((p) => p.year === 2025),
      ),
    ),
  );
  return section;
}
