/**
 * Inline sourcing in the browser: a figure in a step's text (a link to its sentence, built by
 * src/story/figure-sources.ts) becomes a disclosure button. Activating it (tap, click, Enter or
 * Space) opens its quote right after it, in reading and tab order; Escape closes it and gives focus
 * back; a tap elsewhere, or focus leaving both, closes it too. The popover sits above or below the
 * figure, never over it, and inside the screen. Its content is cloned from the build's <template>:
 * nodes, never markup.
 */
const POPOVER_ID = 'figure-source-open';
/** Room kept between the popover, the figure and the screen's edges, in CSS px. */
const GAP = 6;
const EDGE = 8;

interface Open {
  trigger: HTMLElement;
  popover: HTMLElement;
}

function isTrigger(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('a.figure-ref[data-records]') : null;
}

/**
 * Where the popover goes: below the figure when it fits there, else above, else on the roomier side
 * with its height capped; centred on the figure and kept inside the screen's width. It is fixed to
 * its containing block, which a contained ancestor (the scrolling sections) may make something
 * other than the screen, so the block's origin is measured and taken off.
 */
function place(popover: HTMLElement, trigger: HTMLElement): void {
  const style = popover.style;
  style.left = '0px';
  style.top = '0px';
  style.maxHeight = '';
  const origin = popover.getBoundingClientRect();
  const figure = trigger.getBoundingClientRect();
  const barBottom = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const width = origin.width;
  const height = origin.height;
  const below = window.innerHeight - figure.bottom - GAP - EDGE;
  const above = figure.top - Math.max(barBottom, 0) - GAP - EDGE;
  const goBelow = height <= below || (height > above && below >= above);
  const room = goBelow ? below : above;
  const shown = Math.min(height, Math.max(room, 0));
  if (shown < height) style.maxHeight = `${shown}px`;
  const top = goBelow ? figure.bottom + GAP : figure.top - GAP - shown;
  const centre = figure.left + figure.width / 2;
  const left = Math.min(Math.max(centre - width / 2, EDGE), window.innerWidth - width - EDGE);
  style.left = `${left - origin.left}px`;
  style.top = `${top - origin.top}px`;
  popover.dataset.side = goBelow ? 'below' : 'above';
}

function popoverFor(trigger: HTMLElement, items: Map<string, Element>, label: string): HTMLElement {
  const popover = document.createElement('span');
  popover.id = POPOVER_ID;
  popover.className = 'figure-source';
  popover.setAttribute('role', 'group');
  popover.setAttribute('aria-label', label);
  for (const id of (trigger.dataset.records ?? '').split(' ')) {
    const item = items.get(id);
    if (item) popover.appendChild(document.importNode(item, true));
  }
  return popover;
}

export function setupFigureSources(root: HTMLElement): () => void {
  const template = document.getElementById('figure-sources');
  if (!(template instanceof HTMLTemplateElement)) return () => {};
  const items = new Map(
    Array.from(template.content.querySelectorAll('[data-record]')).map((item) => [
      item.getAttribute('data-record')!,
      item,
    ]),
  );
  const label = template.dataset.label ?? '';
  const triggers = Array.from(root.querySelectorAll<HTMLElement>('a.figure-ref[data-records]'));
  for (const trigger of triggers) {
    trigger.setAttribute('role', 'button');
    trigger.setAttribute('aria-expanded', 'false');
  }
  let open: Open | null = null;
  let frame = 0;

  const close = (returnFocus: boolean) => {
    if (!open) return;
    const { trigger, popover } = open;
    open = null;
    popover.remove();
    trigger.setAttribute('aria-expanded', 'false');
    trigger.removeAttribute('aria-controls');
    if (returnFocus) trigger.focus();
  };
  const show = (trigger: HTMLElement) => {
    close(false);
    const popover = popoverFor(trigger, items, label);
    trigger.after(popover);
    trigger.setAttribute('aria-controls', POPOVER_ID);
    trigger.setAttribute('aria-expanded', 'true');
    open = { trigger, popover };
    place(popover, trigger);
  };
  const toggle = (trigger: HTMLElement) => (open?.trigger === trigger ? close(false) : show(trigger));

  const onClick = (event: MouseEvent) => {
    const trigger = isTrigger(event.target);
    if (trigger) {
      event.preventDefault();
      toggle(trigger);
    } else if (open && !open.popover.contains(event.target as Node)) {
      close(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
      return;
    }
    // A link answers Enter by itself (a click); as a button it answers Space too.
    const trigger = isTrigger(event.target);
    if (trigger && event.key === ' ') {
      event.preventDefault();
      toggle(trigger);
    }
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!open) return;
    const next = event.relatedTarget as Node | null;
    if (next && (open.trigger.contains(next) || open.popover.contains(next))) return;
    // Focus left for somewhere else on the page (not to nowhere, as a tap on plain text does).
    if (next) close(false);
  };
  // While open, the popover follows its figure; once the figure leaves the screen it closes.
  const follow = () => {
    frame = 0;
    if (!open) return;
    const figure = open.trigger.getBoundingClientRect();
    if (figure.bottom < 0 || figure.top > window.innerHeight) close(false);
    else place(open.popover, open.trigger);
  };
  const onMove = () => {
    if (open && !frame) frame = requestAnimationFrame(follow);
  };

  document.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('focusout', onFocusOut);
  window.addEventListener('scroll', onMove, { passive: true });
  window.addEventListener('resize', onMove);
  return () => {
    close(false);
    if (frame) cancelAnimationFrame(frame);
    document.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKeyDown);
    root.removeEventListener('focusout', onFocusOut);
    window.removeEventListener('scroll', onMove);
    window.removeEventListener('resize', onMove);
    for (const trigger of triggers) {
      trigger.removeAttribute('role');
      trigger.removeAttribute('aria-expanded');
    }
  };
}
