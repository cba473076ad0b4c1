import { townEntry } from '../figure/map-panel';

type Teardown = () => void;

/**
 * The finder's choice lives in this history entry's state, not the address: Back and a reload
 * bring it back (the select is added by script, so the browser's own form restoring never sees it),
 * and the address stays the story's, free for step links.
 */
const STATE_KEY = 'townFinder';

function keptChoice(): string {
  const state: unknown = history.state;
  const value = state && typeof state === 'object' ? (state as Record<string, unknown>)[STATE_KEY] : undefined;
  return typeof value === 'string' ? value : '';
}

function keepChoice(value: string): void {
  const state: unknown = history.state;
  const kept = state && typeof state === 'object' ? (state as Record<string, unknown>) : {};
  history.replaceState({ ...kept, [STATE_KEY]: value }, '');
}

/** How much closer the finder's map is than the story's map. */
const ZOOM = 1.6;
/** Labels shrink by this much in the zoomed copy, so they read at about the story map's size, not 1.6 times it. */
const LABEL_SCALE = 0.75;
/** The zoomed map's height as a share of its width. */
const ASPECT = 0.75;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * A copy of the story's phone-width map, zoomed to one town and centred on it. The copy is for
 * the eye (aria-hidden: the card says it all); ids are renamed so the page keeps one of each.
 */
function zoomedMap(source: SVGSVGElement, code: string): SVGSVGElement | undefined {
  const map = source.cloneNode(true) as SVGSVGElement;
  const dot = map.querySelector<SVGCircleElement>(`[data-town="${CSS.escape(code)}"] .map-dot`);
  const frame = map.querySelector('clipPath rect');
  if (!dot || !frame) return undefined;
  for (const element of Array.from(map.querySelectorAll('[id]'))) {
    const id = element.id;
    element.id = `${id}-finder`;
    for (const user of Array.from(map.querySelectorAll(`[clip-path="url(#${CSS.escape(id)})"]`)))
      user.setAttribute('clip-path', `url(#${id}-finder)`);
  }
  for (const attribute of ['aria-label', 'aria-describedby', 'role', 'tabindex']) {
    map.removeAttribute(attribute);
    map.querySelectorAll(`[${attribute}]`).forEach((element) => element.removeAttribute(attribute));
  }
  map.querySelector('.map-legend')?.remove();
  // Borders and roads keep their drawn width when the copy is zoomed. An SVG attribute, not CSS:
  // vector-effect is not a CSS property to the HTML checker.
  map.querySelectorAll('path, line').forEach((element) => element.setAttribute('vector-effect', 'non-scaling-stroke'));
  map.querySelectorAll('[aria-pressed]').forEach((element) => element.removeAttribute('aria-pressed'));
  map.querySelector(`[data-town="${CSS.escape(code)}"]`)?.classList.add('is-chosen');
  for (const label of [map, ...Array.from(map.querySelectorAll('[font-size]'))])
    label.setAttribute('font-size', String(Number(label.getAttribute('font-size')) * LABEL_SCALE));
  const width = Number(map.getAttribute('width'));
  const mapHeight = Number(frame.getAttribute('height'));
  const viewWidth = width / ZOOM;
  const viewHeight = Math.min(mapHeight, viewWidth * ASPECT);
  const x = clamp(Number(dot.getAttribute('cx')) - viewWidth / 2, 0, width - viewWidth);
  const y = clamp(Number(dot.getAttribute('cy')) - viewHeight / 2, 0, mapHeight - viewHeight);
  map.setAttribute('viewBox', `${x} ${y} ${viewWidth} ${viewHeight}`);
  map.removeAttribute('width');
  map.removeAttribute('height');
  return map;
}

/** The card: a copy of the entry's prerendered nodes (never HTML), with a link to the explorer for a town. */
function card(section: HTMLElement, value: string, name: string): HTMLElement | undefined {
  const entry = townEntry(document, `town-${value}`);
  if (!entry) return undefined;
  const copy = entry.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  copy.classList.add('town-card-entry');
  const explore = section.dataset.explore;
  const label = section.querySelector<HTMLElement>('.town-finder-result')?.dataset.exploreLabel;
  if (/^\d+$/.test(value) && explore && label) {
    const link = document.createElement('a');
    link.href = `${explore}?town=${encodeURIComponent(value)}`;
    // The name is set as text, never as markup or a replacement pattern.
    link.textContent = label.split('{name}').join(name);
    const line = document.createElement('p');
    line.className = 'town-card-explore';
    line.append(link);
    copy.append(line);
  }
  return copy;
}

/**
 * "Find your township": picking a unit in the select zooms a copy of the map to it and shows its
 * one card. A link inside a card to an area's shared list picks that area. Without JavaScript the
 * select stays hidden and the section links to the full list.
 */
export function setupTownFinder(root: HTMLElement): Teardown {
  const teardowns: Teardown[] = [];
  for (const section of Array.from(root.querySelectorAll<HTMLElement>('.town-finder'))) {
    const controls = section.querySelector<HTMLTemplateElement>('template.town-finder-controls');
    if (controls) controls.replaceWith(controls.content.cloneNode(true));
    const pick = section.querySelector<HTMLElement>('.town-finder-pick');
    const select = section.querySelector<HTMLSelectElement>('.town-finder-select');
    const result = section.querySelector<HTMLElement>('.town-finder-result');
    const mapSlot = section.querySelector<HTMLElement>('.town-finder-map');
    const cardSlot = section.querySelector<HTMLElement>('.town-card');
    if (!pick || !select || !result || !mapSlot || !cardSlot) continue;
    const show = () => {
      const value = select.value;
      const name = select.selectedOptions[0]?.textContent ?? '';
      const entry = value ? card(section, value, name) : undefined;
      if (!entry) {
        result.hidden = true;
        cardSlot.replaceChildren();
        mapSlot.replaceChildren();
        return;
      }
      const source = root.querySelector<SVGSVGElement>('.chart-svg--narrow svg.town-map');
      const map = source && /^\d+$/.test(value) ? zoomedMap(source, value) : undefined;
      mapSlot.replaceChildren(...(map ? [map] : []));
      mapSlot.hidden = !map;
      cardSlot.replaceChildren(entry);
      result.hidden = false;
      section.dataset.chosen = value;
    };
    const choose = () => {
      keepChoice(select.value);
      show();
    };
    const onCardClick = (event: Event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#town-area-"]');
      if (!link) return;
      event.preventDefault();
      select.value = link.getAttribute('href')!.slice('#town-'.length);
      choose();
      select.focus();
    };
    const onMapClick = (event: Event) => {
      const town = (event.target as Element).closest('[data-town]');
      const code = town?.getAttribute('data-town');
      if (!code) return;
      select.value = code;
      choose();
    };
    pick.hidden = false;
    select.addEventListener('change', choose);
    cardSlot.addEventListener('click', onCardClick);
    mapSlot.addEventListener('click', onMapClick);
    // A choice kept in this history entry (Back, a reload) is shown again, if the list still has it
    // (a kept value is never trusted: an unknown one leaves the select as it is).
    const kept = keptChoice();
    if (kept && Array.from(select.options).some((option) => option.value === kept)) select.value = kept;
    if (select.value) show();
    teardowns.push(() => {
      select.removeEventListener('change', choose);
      cardSlot.removeEventListener('click', onCardClick);
      mapSlot.removeEventListener('click', onMapClick);
    });
  }
  return () => teardowns.forEach((teardown) => teardown());
}
