/**
 * "How bold? Beside Sichuan and China": the context chart, findings worded from the data, and
 * the scorecard of the levels above, with one honest line for each place whose 2025 results are
 * not in our sources yet (Gaoping, until its 2026 report is added as a source).
 */
import { lowerInitial } from './fill';
import type { Block } from '../content/types';
import { h, type Child } from '../dom/html';
import type { PageContext } from '../figure/context';
import { renderDataDetails, renderFigure, requireChart } from '../figure/figure';
import { figureLink } from '../figure/source-links';
import { levelFindings, type Finding } from '../data/level-findings';
import { BAND_RATE_POINTS, BAND_SHARE, scorecard, scoredPlaces, type ScorecardRow } from '../data/scorecard';
import { PLACES, type Place } from '../data/context';
import { figureText, placeLabel } from '../data/level-format';
import { formatDigits, formatGrowth, formatValue } from '../data/format';
import type { LevelFigure } from '../data/levels';

type LevelsBlock = Extract<Block, { type: 'levels' }>;

/** Fills {name} in copy with nodes (figures as links to their sentences); an unknown name is an error. */
function fillNodes(template: string, values: Record<string, Child>): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const value = values[match[1]!];
    if (value === undefined) throw new Error(`template "${template}" needs a value for {${match[1]}}`);
    parts.push(template.slice(last, match.index), value);
    last = match.index! + match[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((part) => part !== '');
}

function findingNodes(ctx: PageContext, block: LevelsBlock, finding: Finding): Child[] {
  const { lang, chartText: text } = ctx.content;
  const fig = (figure: LevelFigure) => figureLink(ctx, figureText(figure, lang, text), figure);
  if (finding.kind === 'noTargetAbove') {
    // The list opens the sentence: its first name keeps its capital, the others lose theirs.
    return fillNodes(block.findings.noTargetAbove, {
      indicators: finding.rows
        .map((row, i) => (i === 0 ? row.label[lang] : lowerInitial(row.label[lang])))
        .join(text.itemSeparator),
    });
  }
  const indicator = finding.row.label[lang];
  switch (finding.kind) {
    case 'aboveBoth':
    case 'sameAsBoth':
      return fillNodes(block.findings[finding.kind], {
        indicator,
        gaoping: fig(finding.gaoping),
        sichuan: fig(finding.sichuan),
        china: fig(finding.china),
      });
    case 'aboveSichuanOnly':
      return fillNodes(block.findings.aboveSichuanOnly, {
        indicator,
        gaoping: fig(finding.gaoping),
        sichuan: fig(finding.sichuan),
      });
    case 'fellAbove':
      return fillNodes(block.findings.fellAbove, {
        indicator,
        gaoping: fig(finding.gaoping),
        place: placeLabel(finding.place, text),
        result: figureLink(ctx, formatGrowth(finding.result.value, lang), finding.result),
      });
  }
}

function scorecardTable(ctx: PageContext, block: LevelsBlock, place: Place, rows: ScorecardRow[]): HTMLElement {
  const { document, content } = ctx;
  const { lang, chartText: text } = content;
  const columns = block.scorecardColumns;
  return h(
    document,
    'div',
    { class: 'table-scroll scorecard', tabindex: 0, role: 'region', 'aria-label': placeLabel(place, text) },
    h(
      document,
      'table',
      { 'data-place': place },
      h(document, 'caption', {}, placeLabel(place, text)),
      h(
        document,
        'thead',
        {},
        h(
          document,
          'tr',
          {},
          ...[columns.indicator, columns.target, columns.result, columns.verdict].map((c) =>
            h(document, 'th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        document,
        'tbody',
        {},
        ...rows.map((row) =>
          h(
            document,
            'tr',
            { 'data-verdict': row.verdict },
            h(document, 'th', { scope: 'row' }, row.row.label[lang]),
            // The two numbers always stand beside the verdict, each linked to its sentence.
            h(document, 'td', {}, figureLink(ctx, figureText(row.target, lang, text), row.target)),
            h(document, 'td', {}, row.result ? figureLink(ctx, figureText(row.result, lang, text), row.result) : '—'),
            h(document, 'td', { class: `verdict verdict--${row.verdict}` }, block.verdicts[row.verdict]),
          ),
        ),
      ),
    ),
  );
}

/** The 左右 band's width in words, from the scorecard's own constants: 0.5个百分点, 5%. */
function bandWords(ctx: PageContext): Record<string, Child> {
  const { lang } = ctx.content;
  return {
    points: h(ctx.document, 'span', { class: 'figure' }, formatValue(BAND_RATE_POINTS, '百分点', lang)),
    share: h(ctx.document, 'span', { class: 'figure' }, `${formatDigits(BAND_SHARE * 100, lang)}%`),
  };
}

export function renderLevels(ctx: PageContext, block: LevelsBlock): HTMLElement {
  const { document } = ctx;
  const { dataset } = ctx.inputs;
  const chart = requireChart(ctx, block.chart);
  const scored = scoredPlaces(dataset);
  // Gaoping first, as everywhere; a place that set targets but has no result in our sources gets one line.
  const pending = PLACES.filter((place) => !scored.includes(place) && scorecard(dataset, place).length > 0);
  const others = scored.filter((place) => place !== 'gaoping');
  return h(
    document,
    'section',
    { class: 'prose levels', id: `section-${block.id}`, 'aria-labelledby': `heading-${block.id}` },
    h(document, 'h2', { id: `heading-${block.id}`, class: 'section-heading' }, block.heading),
    h(document, 'p', {}, block.intro),
    renderFigure(ctx, chart, block.id, { deferWide: true }),
    renderDataDetails(ctx, chart, block.id, { tableAt: `embed/${block.chart}/#desc-embed-${block.chart}` }),
    h(
      document,
      'ul',
      { class: 'level-findings' },
      ...levelFindings(dataset).map((finding) =>
        h(document, 'li', { 'data-finding': finding.kind }, ...findingNodes(ctx, block, finding)),
      ),
    ),
    h(document, 'h3', { id: `heading-${block.id}-scorecard`, class: 'scorecard-heading' }, block.scorecardHeading),
    h(document, 'p', {}, ...fillNodes(block.scorecardIntro, bandWords(ctx))),
    ...(scored.includes('gaoping') ? [scorecardTable(ctx, block, 'gaoping', scorecard(dataset, 'gaoping'))] : []),
    ...pending.map((place) =>
      h(
        document,
        'p',
        { class: 'scorecard-pending', 'data-place': place },
        ...fillNodes(block.pendingLine, {
          place: placeLabel(place, ctx.content.chartText),
          count: h(
            document,
            'span',
            { class: 'figure' },
            formatDigits(scorecard(dataset, place).length, ctx.content.lang),
          ),
        }),
      ),
    ),
    ...others.map((place) => scorecardTable(ctx, block, place, scorecard(dataset, place))),
  );
}
