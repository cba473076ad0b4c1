type Teardown = () => void;

/** Tooltips listen for this and close: a panel that opens takes over from them. */
export const DISMISS_TOOLTIP = 'gaoping:dismiss-tooltip';

/** A drag of the handle this far down (CSS px) closes the sheet; a shorter one springs back. */
const DRAG_TO_CLOSE = 48;
/** Room kept between the selected town's mark and the sheet's top edge. */
const TOWN_MARGIN = 12;

/** The town's mark in the SVG size on screen (both sizes are in the page; one is hidden). */
function townOnScreen(figure: Element, code: string): SVGElement | undefined {
  return Array.from(figure.querySelectorAll<SVGElement>(`.town-map [data-town="${CSS.escape(code)}"]`)).find(
    (town) => town.getBoundingClientRect().width > 0,
  );
}

/**
 * A town's prerendered entry: in the page (the embed's list) or in the story's inert template of
 * entries (the town finder's, src/story/town-finder.ts).
 */
export function townEntry(root: Document, id: string): HTMLElement | null {
  const inPage = root.getElementById(id);
  if (inPage) return inPage;
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template.town-entries'))) {
    const found = template.content.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (found) return found;
  }
  return null;
}

/** The panel is a bottom sheet (phones and tablets) rather than a box beside the town. */
const isSheet = (panel: HTMLElement) => getComputedStyle(panel).position === 'fixed';

/**
 * Keeps the selected town above the sheet. A sticky graphic (scrolling steps) is panned by moving
 * its chart up; a chart in the flow (stacked layout) is scrolled up with the page.
 */
function keepTownAboveSheet(figure: HTMLElement, panel: HTMLElement, town: Element): void {
  if (!isSheet(panel)) return;
  const mark = town.querySelector('.map-dot') ?? town;
  const overlap = mark.getBoundingClientRect().bottom + TOWN_MARGIN - panel.getBoundingClientRect().top;
  if (overlap <= 0) return;
  const box = town.closest<HTMLElement>('.chart-svg');
  const sticky = figure.closest('.scrolly-graphic');
  if (box && sticky && getComputedStyle(sticky).position === 'sticky') {
    box.style.transform = `translateY(${-Math.ceil(overlap)}px)`;
    box.dataset.panned = 'true';
  } else {
    window.scrollBy({ top: Math.ceil(overlap), behavior: 'instant' });
  }
}

function unpan(figure: Element): void {
  for (const box of Array.from(figure.querySelectorAll<HTMLElement>('.chart-svg[data-panned]'))) {
    box.style.transform = '';
    delete box.dataset.panned;
  }
}

/**
 * Clicking, tapping or pressing Enter/Space on a town opens a dialog with what the report says
 * there: on phones a bottom sheet over a scrim, at most 40 % of the screen high, with the town
 * kept in view above it; beside the town on wide screens (on the half of the figure the town is
 * not in, so it never covers it). Focus moves into it. Escape, the close button, a tap on the scrim
 * or the handle, or dragging the handle down close it and return focus to the town; so does the
 * map leaving the screen (without scrolling back to it). Its content is a copy of the town's
 * prerendered entry (cloned nodes, never HTML).
 */
export function setupMapPanels(root: HTMLElement): Teardown {
  const figures = new Set<HTMLElement>();
  const watcher = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) continue;
      const panel = entry.target.querySelector<HTMLElement>('.map-panel:not([hidden])');
      if (panel) close(panel, false);
    }
  });

  const open = (town: Element) => {
    const figure = town.closest<HTMLElement>('figure.chart');
    const panel = figure?.querySelector<HTMLElement>('.map-panel');
    const body = panel?.querySelector<HTMLElement>('.map-panel-body');
    const code = town.getAttribute('data-town');
    const entry = code ? townEntry(document, `town-${code}`) : null;
    if (!figure || !panel || !body || !entry || !code) return;
    const copy = entry.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('data-town');
    const heading = copy.querySelector('h3');
    if (heading) {
      heading.setAttribute('id', `${panel.id}-heading`);
      panel.setAttribute('aria-labelledby', heading.id);
    }
    body.replaceChildren(copy);
    unpan(figure);
    const townBox = town.getBoundingClientRect();
    const figureBox = figure.getBoundingClientRect();
    panel.dataset.side = townBox.left + townBox.width / 2 > figureBox.left + figureBox.width / 2 ? 'left' : 'right';
    panel.dataset.town = code;
    panel.hidden = false;
    panel.style.transform = '';
    if (isSheet(panel)) figure.dataset.sheet = 'true';
    else delete figure.dataset.sheet;
    const scrim = figure.querySelector<HTMLElement>('.map-panel-scrim');
    if (scrim) scrim.hidden = false;
    figure.classList.add('has-open-panel');
    document.dispatchEvent(new Event(DISMISS_TOOLTIP));
    for (const other of Array.from(figure.querySelectorAll('.town-map [data-town][aria-pressed]')))
      other.setAttribute('aria-pressed', 'false');
    for (const same of Array.from(figure.querySelectorAll(`.town-map [data-town="${CSS.escape(code)}"]`)))
      same.setAttribute('aria-pressed', 'true');
    panel.focus({ preventScroll: true });
    keepTownAboveSheet(figure, panel, town);
    if (!figures.has(figure)) {
      figures.add(figure);
      watcher.observe(figure);
    }
  };

  function close(panel: HTMLElement, returnFocus = true): void {
    panel.hidden = true;
    panel.style.transform = '';
    const figure = panel.closest<HTMLElement>('figure.chart');
    if (!figure) return;
    const scrim = figure.querySelector<HTMLElement>('.map-panel-scrim');
    if (scrim) scrim.hidden = true;
    figure.classList.remove('has-open-panel');
    unpan(figure);
    figure
      .querySelectorAll('.town-map [data-town][aria-pressed]')
      .forEach((t) => t.setAttribute('aria-pressed', 'false'));
    const code = panel.dataset.town;
    const town = code ? townOnScreen(figure, code) : undefined;
    // Off screen, focus still leaves the closed sheet, but the page stays where the reader scrolled.
    if (town && (returnFocus || panel.contains(document.activeElement))) town.focus({ preventScroll: !returnFocus });
  }

  const onClick = (event: Event) => {
    const target = event.target as Element;
    const closer = target.closest('.map-panel-close, .map-panel-handle');
    if (closer) {
      if (dragged) {
        dragged = false;
        return;
      }
      close(closer.closest<HTMLElement>('.map-panel')!);
      return;
    }
    const scrim = target.closest('.map-panel-scrim');
    if (scrim) {
      const panel = scrim.closest('figure.chart')?.querySelector<HTMLElement>('.map-panel:not([hidden])');
      if (panel) close(panel);
      return;
    }
    const town = target.closest('.town-map [data-town]');
    if (town) open(town);
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as Element;
    const town = target.closest?.('.town-map [data-town]');
    if (town && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      open(town);
      return;
    }
    if (event.key === 'Escape') {
      const panel =
        target.closest?.<HTMLElement>('.map-panel:not([hidden])') ??
        target.closest?.('figure.chart')?.querySelector<HTMLElement>('.map-panel:not([hidden])');
      if (panel) close(panel);
    }
  };

  // Dragging the handle: the sheet follows the finger down; far enough, it closes.
  let drag: { panel: HTMLElement; startY: number; pointerId: number } | undefined;
  let dragged = false;
  const onPointerDown = (event: PointerEvent) => {
    const handle = (event.target as Element).closest('.map-panel-handle');
    const panel = handle?.closest<HTMLElement>('.map-panel');
    if (!handle || !panel) return;
    drag = { panel, startY: event.clientY, pointerId: event.pointerId };
    dragged = false;
    (handle as HTMLElement).setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const down = Math.max(0, event.clientY - drag.startY);
    if (down > 4) dragged = true;
    drag.panel.style.transform = `translateY(${down}px)`;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { panel, startY } = drag;
    drag = undefined;
    if (event.clientY - startY >= DRAG_TO_CLOSE) close(panel);
    else panel.style.transform = '';
  };

  for (const town of Array.from(root.querySelectorAll('.town-map [data-town]')))
    town.setAttribute('aria-pressed', 'false');
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  root.addEventListener('pointerdown', onPointerDown);
  root.addEventListener('pointermove', onPointerMove);
  root.addEventListener('pointerup', onPointerUp);
  root.addEventListener('pointercancel', onPointerUp);
  return () => {
    watcher.disconnect();
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('pointerdown', onPointerDown);
    root.removeEventListener('pointermove', onPointerMove);
    root.removeEventListener('pointerup', onPointerUp);
    root.removeEventListener('pointercancel', onPointerUp);
  };
}
