import { DISMISS_TOOLTIP } from './map-panel';

type Teardown = () => void;

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
    const left = Math.min(window.innerWidth - tip.offsetWidth - 8, Math.max(8, box.left + box.width / 2 - tip.offsetWidth / 2));
    tip.style.left = `${left}px`;
    tip.style.top = `${Math.max(8, box.top - tip.offsetHeight - 8)}px`;
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
