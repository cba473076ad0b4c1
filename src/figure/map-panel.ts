type Teardown = () => void;

/**
 * Clicking, tapping or pressing Enter/Space on a town opens a panel with what the report says
 * there. The panel's content is a copy of the town's prerendered entry (cloned nodes, never HTML).
 */
export function setupMapPanels(root: HTMLElement): Teardown {
  const open = (town: Element) => {
    const figure = town.closest('figure.chart');
    const panel = figure?.querySelector<HTMLElement>('.map-panel');
    const body = panel?.querySelector<HTMLElement>('.map-panel-body');
    const code = town.getAttribute('data-town');
    const entry = code ? document.getElementById(`town-${code}`) : null;
    if (!panel || !body || !entry) return;
    const copy = entry.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.querySelector('h3')?.removeAttribute('id');
    body.replaceChildren(copy);
    panel.hidden = false;
    panel.dataset.town = code ?? '';
    for (const other of Array.from(figure!.querySelectorAll('[data-town][aria-pressed]'))) other.setAttribute('aria-pressed', 'false');
    town.setAttribute('aria-pressed', 'true');
  };
  const close = (panel: HTMLElement) => {
    panel.hidden = true;
    const code = panel.dataset.town;
    // Both SVG sizes are in the page; focus goes back to the town in the one on screen.
    const candidates = code ? Array.from(panel.closest('figure.chart')?.querySelectorAll<SVGElement>(`[data-town="${code}"]`) ?? []) : [];
    const town = candidates.find((candidate) => candidate.getBoundingClientRect().width > 0);
    panel.closest('figure.chart')?.querySelectorAll('[data-town][aria-pressed]').forEach((t) => t.setAttribute('aria-pressed', 'false'));
    town?.focus();
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
    const town = (event.target as Element).closest?.('.town-map [data-town]');
    if (town && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      open(town);
    }
    if (event.key === 'Escape') {
      const panel = (event.target as Element).closest?.('figure.chart')?.querySelector<HTMLElement>('.map-panel:not([hidden])');
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
