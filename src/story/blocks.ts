import type { Block, Step } from '../content/types';
import { h, type Child } from '../dom/html';
import { fillTemplate } from '../content/template';
import type { PageContext } from '../figure/context';
import { renderFigure, renderDataDetails, requireChart } from '../figure/figure';
import { nonComparablePairs, scopePairs } from '../data/derive';
import { comparabilityTag, describePair } from '../charts/describe';
import { townCodes } from '../geo/town-codes';
import { fillParts, stepFocus } from './fill';
import { figureControl } from './figure-sources';
import { href, PAGES, route } from '../routes/routes';
import { renderLevels } from './levels-section';
import { renderTownFinder } from './town-finder';
import { phoneFrameHeight, stepGroups } from './phone-fit';

/** A chart's own page (its embed page, in this language), opened at its description and table. */
const chartTablePage = (chartId: string) => `embed/${chartId}/#desc-embed-${chartId}`;

type Renderer<T extends Block['type']> = (
  ctx: PageContext,
  block: Extract<Block, { type: T }>,
  index: number,
) => HTMLElement;

/**
 * Filled copy as nodes: each figure a link to its sentence, which the client opens as its quote in
 * place (a figure with no record, a count, stays a span that keeps its number and unit together).
 */
const fillSourced = (ctx: PageContext, template: string): Child[] =>
  fillParts(template, ctx.inputs.dataset, ctx.content.lang).map((part) => figureControl(ctx, part));

function sectionHeading(ctx: PageContext, id: string, text: string): HTMLElement {
  return h(ctx.document, 'h2', { id, class: 'section-heading' }, text);
}

const hero: Renderer<'hero'> = (ctx, block) =>
  h(
    ctx.document,
    'header',
    { class: 'hero' },
    h(ctx.document, 'p', { class: 'hero-kicker' }, block.kicker),
    h(ctx.document, 'h1', { class: 'hero-title' }, block.title),
    h(ctx.document, 'p', { class: 'hero-dek' }, ...fillSourced(ctx, block.dek)),
    h(ctx.document, 'p', { class: 'hero-byline' }, block.byline),
  );

const kpis: Renderer<'kpis'> = (ctx, block, index) =>
  h(
    ctx.document,
    'section',
    { class: 'kpis', 'aria-labelledby': `block-${index}` },
    sectionHeading(ctx, `block-${index}`, block.heading),
    h(
      ctx.document,
      'ul',
      { class: 'kpi-list' },
      ...block.items.map((item) =>
        h(
          ctx.document,
          'li',
          { class: 'kpi' },
          h(ctx.document, 'span', { class: 'kpi-value' }, ...fillSourced(ctx, item.value)),
          h(ctx.document, 'span', { class: 'kpi-caption' }, item.caption),
        ),
      ),
    ),
  );

const text: Renderer<'text'> = (ctx, block) =>
  h(
    ctx.document,
    'section',
    { class: 'prose' },
    block.heading ? h(ctx.document, 'h2', { class: 'section-heading' }, block.heading) : null,
    ...block.paragraphs.map((paragraph) => h(ctx.document, 'p', {}, ...fillSourced(ctx, paragraph))),
  );

const scrolly: Renderer<'scrolly'> = (ctx, block) => {
  const { document, content } = ctx;
  const chartIds = [...new Set(block.steps.map((step) => step.chart))];
  const graphic = h(document, 'div', { class: 'scrolly-graphic' });
  // In the static layout (no JavaScript, or "show all") each figure is followed by its steps.
  const order = (chartId: string, isStep: boolean) => `--order:${2 * chartIds.indexOf(chartId) + (isStep ? 1 : 0)}`;
  // On a phone a chart too long for the frame shows one group of its rows per step (phone-fit.ts).
  const rowsOfStep = stepGroups(ctx, block);
  const groupsOf = (chartId: string) => [
    ...new Map(
      block.steps.flatMap((step, index) => {
        const rows = rowsOfStep[index];
        return step.chart === chartId && rows ? [[rows.join(' '), rows] as const] : [];
      }),
    ).values(),
  ];
  const groupIndex = (step: Step, stepIndex: number) => {
    const rows = rowsOfStep[stepIndex];
    return rows ? groupsOf(step.chart).findIndex((group) => group.join(' ') === rows.join(' ')) : null;
  };
  chartIds.forEach((chartId, position) => {
    const groups = groupsOf(chartId);
    const figure = renderFigure(ctx, requireChart(ctx, chartId), block.id, {
      deferWide: true,
      groups,
      narrowMaxHeight: phoneFrameHeight(ctx, block, chartId),
    });
    if (position === 0) figure.classList.add('is-active');
    figure.setAttribute('style', `${figure.getAttribute('style') ?? ''};${order(chartId, false)}`);
    graphic.appendChild(figure);
  });
  const towns = townCodes(ctx.inputs.geo);
  const stepElement = (step: Step, stepIndex: number) =>
    h(
      document,
      'div',
      {
        class: 'step',
        'data-step': stepIndex,
        'data-chart': step.chart,
        'data-group': groupIndex(step, stepIndex) ?? undefined,
        'data-focus': stepFocus(step, ctx.inputs.dataset, requireChart(ctx, step.chart).keys(ctx.inputs), towns).join(
          ' ',
        ),
        tabindex: 0,
        role: 'group',
        'aria-label': fillTemplate(content.page.stepLabel, { n: String(stepIndex + 1) }),
        style: order(step.chart, true),
      },
      h(document, 'p', {}, ...fillSourced(ctx, step.text)),
    );
  // --steps sizes the section while the browser skips its layout off screen (content-visibility).
  // The steps come first in the page (and in tab order): a keyboard reader meets the text, then a
  // link past the chart, then the chart as one tab stop. CSS places the two side by side or stacked.
  const afterChart = `after-${block.id}`;
  graphic.prepend(h(document, 'a', { class: 'skip-chart', href: `#${afterChart}` }, content.page.skipChart));
  return h(
    document,
    'section',
    {
      class: 'scrolly',
      id: `section-${block.id}`,
      'aria-labelledby': `heading-${block.id}`,
      style: `--steps:${block.steps.length}`,
    },
    sectionHeading(ctx, `heading-${block.id}`, block.heading),
    h(
      document,
      'div',
      { class: 'scrolly-layout' },
      h(document, 'div', { class: 'scrolly-steps' }, ...block.steps.map(stepElement)),
      graphic,
    ),
    h(
      document,
      'div',
      { class: 'scrolly-data', id: afterChart, tabindex: -1 },
      ...chartIds.map((chartId) =>
        renderDataDetails(ctx, requireChart(ctx, chartId), block.id, { tableAt: chartTablePage(chartId) }),
      ),
    ),
  );
};

const chart: Renderer<'chart'> = (ctx, block, index) => {
  const module = requireChart(ctx, block.chart);
  return h(
    ctx.document,
    'section',
    { class: 'standalone-chart' },
    block.text ? h(ctx.document, 'p', { class: 'prose-lede' }, ...fillSourced(ctx, block.text)) : null,
    // A standalone chart follows the page's h1 (the lede's graphic) or a prose h2: it is a section of its own.
    renderFigure(ctx, module, `standalone-${index}`, { deferWide: true, titleLevel: 'h2' }),
    renderDataDetails(ctx, module, `standalone-${index}`, { tableAt: chartTablePage(block.chart) }),
  );
};

const caveats: Renderer<'caveats'> = (ctx, block, index) => {
  const { document, content } = ctx;
  const { lang, chartText } = content;
  const { dataset } = ctx.inputs;
  return h(
    document,
    'section',
    { class: 'prose caveats', 'aria-labelledby': `block-${index}` },
    sectionHeading(ctx, `block-${index}`, block.heading),
    h(document, 'p', {}, block.intro),
    h(
      document,
      'dl',
      { class: 'caveat-list' },
      ...[...nonComparablePairs(dataset), ...scopePairs(dataset)].flatMap((metric) => [
        h(document, 'dt', {}, metric.label[lang]),
        h(
          document,
          'dd',
          {},
          // Each value under its own year's measure: no sentence puts one year's number under the other's name.
          h(document, 'span', { class: 'caveat-values' }, describePair(metric, lang, chartText)),
          h(
            document,
            'span',
            { class: 'caveat-note' },
            `${comparabilityTag(metric, chartText)}${chartText.noteSeparator}${metric.note?.[lang] ?? ''}`,
          ),
        ),
      ]),
    ),
  );
};

const townFinder: Renderer<'townFinder'> = (ctx, block, index) => renderTownFinder(ctx, block, index);

const methods: Renderer<'methods'> = (ctx, block, index) => {
  const { document, content } = ctx;
  return h(
    document,
    'section',
    { class: 'prose methods', 'aria-labelledby': `block-${index}` },
    sectionHeading(ctx, `block-${index}`, block.heading),
    ...block.paragraphs.map((paragraph) => h(document, 'p', {}, ...fillSourced(ctx, paragraph))),
    h(
      document,
      'p',
      {},
      h(
        document,
        'a',
        {
          href: href(route('story', content.lang), `${PAGES.data}metrics.json`),
          download: 'gaoping-2025-metrics.json',
        },
        content.page.downloadData,
      ),
    ),
  );
};

/** One renderer per block type; the content schema guarantees every block has one. */
const levels: Renderer<'levels'> = (ctx, block) => renderLevels(ctx, block);

const RENDERERS: { [K in Block['type']]: Renderer<K> } = {
  hero,
  kpis,
  text,
  scrolly,
  chart,
  caveats,
  townFinder,
  methods,
  levels,
};

export function renderBlock(ctx: PageContext, block: Block, index: number): HTMLElement {
  return (RENDERERS[block.type] as Renderer<typeof block.type>)(ctx, block as never, index);
}
