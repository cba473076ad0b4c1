import type { Block } from '../content/types';
import type { PageContext } from '../figure/context';
import { h } from '../dom/html';
import { renderTownList, districtWideHeading, EMBED_TOWN_LIST_ANCHOR } from '../figure/companions';
import { areaProjects, projectsByTown } from '../data/town-projects';
import { termIn } from '../data/glossary';
import { fillTemplate } from '../content/template';
import { formatDigits } from '../data/format';
import { chartRoutes, href, route } from '../routes/routes';
import { charts } from '../charts/registry';

type FinderBlock = Extract<Block, { type: 'townFinder' }>;

/** The embed page of the chart with the town panel (the map) holds the full town list; it reads without JavaScript. */
function fullListHref(ctx: PageContext): string {
  const map = charts.find((chart) => chart.companion === 'town-panel');
  if (!map) throw new Error('no chart has the town panel: the town finder has no map to link to');
  return `${href(route('story', ctx.content.lang), chartRoutes.embed(map.id, ctx.content.lang))}#${EMBED_TOWN_LIST_ANCHOR}`;
}

/**
 * "Find your township": a select of the units (and, apart, the area shared by several and the
 * district-wide projects), a slot for the zoomed map and one card. The cards' content is every
 * entry of the town list, prerendered inside an inert <template> (no layout, no elements in the
 * page until one is shown; the map's panel reads from it too). The select and its result are in a
 * template too: without JavaScript they are absent, and the links to the full list and the explorer
 * say the same.
 */
export function renderTownFinder(ctx: PageContext, block: FinderBlock, index: number): HTMLElement {
  const { document, content, inputs } = ctx;
  const { lang } = content;
  const headingId = `block-${index}`;
  const selectId = `town-finder-${index}`;
  const townOptions = projectsByTown(inputs.dataset, inputs.geo).map((entry) =>
    h(document, 'option', { value: entry.town.code }, entry.town.name[lang]),
  );
  const areaOptions = areaProjects(inputs.dataset).map((area, i) =>
    h(
      document,
      'option',
      { value: `area-${i + 1}` },
      fillTemplate(content.page.mapAreaHeading, {
        area: termIn(area.name, lang),
        towns: formatDigits(area.codes.length, lang),
      }),
    ),
  );
  const list = renderTownList(ctx, block.listHeading, block.listIntro, `finder-${index}`);
  const template = h(document, 'template', { class: 'town-entries' }, list);
  return h(
    document,
    'section',
    {
      class: 'prose town-finder',
      'aria-labelledby': headingId,
      'data-explore': href(route('story', lang), route('explore', lang)),
    },
    h(document, 'h2', { id: headingId, class: 'section-heading' }, block.heading),
    h(document, 'p', {}, block.intro),
    // The select and its result do nothing without the script: they wait in an inert <template>
    // (no elements in the initial page) until it brings them in.
    h(
      document,
      'template',
      { class: 'town-finder-controls' },
      h(
        document,
        'p',
        { class: 'town-finder-pick' },
        h(document, 'label', { for: selectId }, block.label),
        h(
          document,
          'select',
          { id: selectId, class: 'town-finder-select' },
          h(document, 'option', { value: '' }, block.choose),
          ...townOptions,
          h(
            document,
            'optgroup',
            { label: block.otherGroup },
            ...areaOptions,
            h(document, 'option', { value: 'district-wide' }, districtWideHeading(ctx)),
          ),
        ),
      ),
      h(
        document,
        'div',
        { class: 'town-finder-result', hidden: true, 'data-explore-label': block.inExplorer },
        // chart-svg: the theme's colours apply to the copy as to the story's charts.
        h(document, 'div', { class: 'chart-svg town-finder-map', 'aria-hidden': 'true' }),
        h(document, 'div', { class: 'town-card', 'aria-live': 'polite' }),
      ),
    ),
    h(
      document,
      'p',
      { class: 'town-finder-more' },
      h(document, 'a', { href: fullListHref(ctx) }, block.fullList),
      lang === 'zh' ? '　' : ' · ',
      h(document, 'a', { href: href(route('story', lang), route('explore', lang)) }, block.explorer),
    ),
    template,
  );
}
