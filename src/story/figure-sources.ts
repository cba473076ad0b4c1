/**
 * Inline sourcing (issue 23): each figure in the story's text is a link to its sentence (/report/, or
 * /sources/<id>/ for a context record). The story's client turns it into a disclosure that shows the
 * quote (src/story/figure-source.ts); the quotes it shows are built here, once per record, in one
 * <template> (inert, so they add nothing to the page's live DOM until a reader opens one).
 */
import { h, type Child } from '../dom/html';
import type { PageContext } from '../figure/context';
import { sentenceHref } from '../figure/source-links';
import { fillParts, type FigureSource, type FilledPart } from './fill';

const FIGURE_SOURCES_ID = 'figure-sources';

/** A filled figure: a link to its first record's sentence, naming every record it is taken from. */
export function figureControl(ctx: PageContext, part: FilledPart): Child {
  const { document, links } = ctx;
  if (!part.figure) return part.text;
  if (!links || part.sources.length === 0) return h(document, 'span', { class: 'figure' }, part.text);
  const first = part.sources[0]!;
  return h(
    document,
    'a',
    {
      class: 'figure figure-ref',
      href: sentenceHref(links.report, first.source, first.id, first.inReport),
      'data-records': part.sources.map((source) => source.id).join(' '),
    },
    part.text,
  );
}

/**
 * The copy whose figures open their quotes: every text the story fills with figures (blocks.ts
 * renders each through figureControl): the lede (the hero's dek and the text over the lede's
 * chart), the KPI pairs, every step, the prose between sections and the methods.
 */
function sourcedTexts(ctx: PageContext): string[] {
  return ctx.content.blocks.flatMap((block) => {
    switch (block.type) {
      case 'hero':
        return [block.dek];
      case 'kpis':
        return block.items.map((item) => item.value);
      case 'chart':
        return block.text ? [block.text] : [];
      case 'scrolly':
        return block.steps.map((step) => step.text);
      case 'text':
      case 'methods':
        return block.paragraphs;
      default:
        return [];
    }
  });
}

/** Every record those texts take a figure from, once each, in reading order. */
function stepFigureSources(ctx: PageContext): FigureSource[] {
  const byId = new Map<string, FigureSource>();
  for (const text of sourcedTexts(ctx)) {
    for (const part of fillParts(text, ctx.inputs.dataset, ctx.content.lang)) {
      for (const source of part.sources) if (!byId.has(source.id)) byId.set(source.id, source);
    }
  }
  return [...byId.values()];
}

/** One record as the disclosure shows it: what it is and its value here, the Chinese quote, the way to its sentence. */
function sourceItem(ctx: PageContext, source: FigureSource): HTMLElement {
  const { document, content, links } = ctx;
  const { page, report, lang } = content;
  const kind = source.kind === 'target' ? report.kindTarget : report.kindResult;
  // A year of the figure's own metric is named by its year (2024年实绩); another record by what it measures.
  const name =
    source.measure === undefined
      ? kind
      : lang === 'zh'
        ? `${source.year}年${source.measure}`
        : `${source.measure} (${source.year})`;
  return h(
    document,
    'span',
    { class: 'figure-source-item', 'data-record': source.id },
    h(document, 'span', { class: 'figure-source-head' }, `${name}${lang === 'zh' ? '：' : ': '}${source.value}`),
    ...quoteLines(ctx, source),
    h(
      document,
      'a',
      { class: 'figure-source-link', href: sentenceHref(links!.report, source.source, source.id, source.inReport) },
      source.inReport ? page.figureSourceReport : page.figureSourceContext,
    ),
  );
}

/**
 * The quote is the report's own words, Chinese on both editions, so a reader can check it. In English
 * its gloss (the record's `quoteEn`, its figure filled from the data) is the line to read, with the
 * Chinese original under it in smaller type.
 */
function quoteLines(ctx: PageContext, source: FigureSource): HTMLElement[] {
  const { document } = ctx;
  const original = (extra: string) =>
    h(document, 'q', { class: `figure-source-quote${extra}`, lang: 'zh-CN' }, source.quote);
  if (ctx.content.lang === 'zh' || source.gloss === undefined) return [original('')];
  return [
    h(document, 'q', { class: 'figure-source-quote figure-source-gloss' }, source.gloss),
    original(' figure-source-original'),
  ];
}

/** The quotes behind the step texts' figures, for the client to show; nothing on a page without links. */
export function figureSourcesTemplate(ctx: PageContext): HTMLElement | null {
  if (!ctx.links) return null;
  const sources = stepFigureSources(ctx);
  if (sources.length === 0) return null;
  return h(
    ctx.document,
    'template',
    { id: FIGURE_SOURCES_ID, 'data-label': ctx.content.page.figureSourceLabel },
    ...sources.map((source) => sourceItem(ctx, source)),
  );
}
