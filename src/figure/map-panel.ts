type Teardown = () => void;

/** Tooltips listen for this and close: a panel that opens takes over from them. */
export const DISMISS_TOOLTIP = 'gaoping:dismiss-tooltip';

/** The town's mark in the SVG size on screen (both sizes are in the page; one is hidden). */
function townOnScreen(figure: Element, code: string): SVGElement | undefined {
  return Array.from(figure.querySelectorAll<SVGElement>(`.town-map [data-town="${CSS.escape(code)}"]`)).find((town) => town.getBoundingClientRect().width > 0);
}

/**
 * Clicking, tapping or pressing Enter/Space on a town opens a dialog with what the report says
 * there: a bottom sheet on phones (above the step cards), beside the town on wide screens (on the
 * half of the figure the town is not in, so it never covers it). Focus moves into it; Escape or
 * the close button closes it and returns focus to the town. Its content is a copy of the town's
 * prerendered entry (cloned nodes, never HTML).
 */
export function setupMapPanels(root: HTMLElement): Teardown {
  const open = (town: Element) => {
    const figure = town.closest('figure.chart');
    const panel = figure?.querySelector<HTMLElement>('.map-panel');
    const body = panel?.querySelector<HTMLElement>('.map-panel-body');
    const code = town.getAttribute('data-town');
    const entry = code ? document.getElementById(`town-${code}`) : null;
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
    const townBox = town.getBoundingClientRect();
    const figureBox = figure.getBoundingClientRect();
    panel.dataset.side = townBox.left + townBox.width / 2 > figureBox.left + figureBox.width / 2 ? 'left' : 'right';
    panel.dataset.town = code;
    panel.hidden = false;
    document.dispatchEvent(new Event(DISMISS_TOOLTIP));
    for (const other of Array.from(figure.querySelectorAll('.town-map [data-town][aria-pressed]'))) other.setAttribute('aria-pressed', 'false');
    for (const same of Array.from(figure.querySelectorAll(`.town-map [data-town="${CSS.escape(code)}"]`))) same.setAttribute('aria-pressed', 'true');
    panel.focus();
  };
  const close = (panel: HTMLElement) => {
    panel.hidden = true;
    const figure = panel.closest('figure.chart');
    figure?.querySelectorAll('.town-map [data-town][aria-pressed]').forEach((t) => t.setAttribute('aria-pressed', 'false'));
    const code = panel.dataset.town;
    if (figure && code) townOnScreen(figure, code)?.focus();
  };
  const onClick = (event: Event) => {
    const target = event.target as Element;
    const closeButton = target.closest('.map-panel-close');
    if (closeButton) {
      close(closeButton.closest<HTMLElement>('.map-panel')!);
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
      const panel = target.closest?.<HTMLElement>('.map-panel:not([hidden])') ?? target.closest?.('figure.chart')?.querySelector<HTMLElement>('.map-panel:not([hidden])');
      if (panel) close(panel);
    }
  };
  for (const town of Array.from(root.querySelectorAll('.town-map [data-town]'))) town.setAttribute('aria-pressed', 'false');
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
  };
}
