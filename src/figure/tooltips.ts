import { DISMISS_TOOLTIP } from './map-panel';

type Teardown = () => void;

/** The screen box of a mark's whole row: every element of its chart drawn for the same data key (bar, dot, name, value). */
function rowBox(mark: Element): { top: number; bottom: number } {
  const key = mark.getAttribute('data-key');
  const svg = mark.closest('svg');
  const parts = key && svg ? Array.from(svg.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) : [mark];
  const boxes = parts.map((part) => part.getBoundingClientRect()).filter((b) => b.width > 0 || b.height > 0);
  if (boxes.length === 0) return mark.getBoundingClientRect();
  return { top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)) };
}

/** Names of chart marks, shown on hover and keyboard focus. */
export function setupTooltips(root: HTMLElement): Teardown {
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  document.body.appendChild(tip);
  let anchor: Element | null = null;
  const place = () => {
    if (!anchor) return;
    const box = anchor.getBoundingClientRect();
    const row = rowBox(anchor);
    const left = Math.min(
      window.innerWidth - tip.offsetWidth - 8,
      Math.max(8, box.left + box.width / 2 - tip.offsetWidth / 2),
    );
    // Above the whole row (its name sits above its bar), or below it when there is no room above:
    // the name never hides the row it names.
    const above = row.top - tip.offsetHeight - 8;
    const top =
      above >= 8 || row.bottom + 8 + tip.offsetHeight > window.innerHeight ? Math.max(8, above) : row.bottom + 8;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const show = (event: Event) => {
    const mark = (event.target as Element).closest?.('.chart [data-key][aria-label]');
    if (!mark) return;
    anchor = mark;
    tip.textContent = mark.getAttribute('aria-label');
    tip.hidden = false;
    place();
  };
  const hide = () => {
    anchor = null;
    tip.hidden = true;
  };
  // A focused mark keeps its name on screen while the page scrolls; a hovered one lets go.
  const onScroll = () => (anchor && anchor === document.activeElement ? place() : hide());
  root.addEventListener('pointerover', show);
  root.addEventListener('focusin', show);
  root.addEventListener('pointerout', hide);
  root.addEventListener('focusout', hide);
  window.addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener(DISMISS_TOOLTIP, hide);
  return () => {
    document.removeEventListener(DISMISS_TOOLTIP, hide);
    root.removeEventListener('pointerover', show);
    root.removeEventListener('focusin', show);
    root.removeEventListener('pointerout', hide);
    root.removeEventListener('focusout', hide);
    window.removeEventListener('scroll', onScroll);
    tip.remove();
  };
}
