import { applyStep } from './steps';
import { COPY_LINK_TEMPLATE } from './copy-link-template';

type Teardown = () => void;

/**
 * Where on screen a linked step is put: its top at 45 % of the viewport, past the steps' trigger
 * line (60 % down). On a phone the step's card then rests whole under its chart (steps.ts) (or,
 * in a stacked section, its text is in the middle), never under the chart.
 */
const STEP_TOP = 0.45;

/** The step (and its section) a hash names: a step anchor, or a chart anchor inside a step. */
function stepFor(target: Element): { step: HTMLElement; section: HTMLElement } | undefined {
  const step = target.closest<HTMLElement>('.step');
  const section = step?.closest<HTMLElement>('.scrolly');
  return step && section ? { step, section } : undefined;
}

/**
 * Opening /#step-<section>-<n> or /#<chart-id> scrolls there with that step's chart state;
 * the back and forward buttons (hashchange) do the same. "Copy link" copies the chart's URL.
 */
export function setupDeepLinks(): Teardown {
  const go = (behavior: ScrollBehavior) => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    const found = stepFor(target);
    if (found) {
      applyStep(found.section, found.step);
      const top = found.step.getBoundingClientRect().top + window.scrollY - window.innerHeight * STEP_TOP;
      window.scrollTo({ top: Math.max(0, top), behavior });
    } else {
      target.scrollIntoView({ behavior, block: 'start' });
    }
  };
  const onHashChange = () => go('auto');
  const onClick = async (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('.copy-link');
    if (!button) return;
    const url = new URL(window.location.href);
    url.hash = button.dataset.anchor ?? '';
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-link-status');
    try {
      await navigator.clipboard.writeText(url.href);
      if (status) status.textContent = button.dataset.copied ?? '';
    } catch {
      if (status) status.textContent = button.dataset.copyFallback ?? '';
    }
    // The address bar shows the link too, as a new history entry: back returns to where the reader was.
    if (window.location.hash !== url.hash) history.pushState(null, '', url.href);
  };
  // Made only now, from the page's one inert template: without this script the buttons would do nothing.
  const bar = document.getElementById(COPY_LINK_TEMPLATE) as HTMLTemplateElement | null;
  if (bar) {
    for (const details of Array.from(document.querySelectorAll<HTMLElement>('details[data-copy-anchor]'))) {
      const copy = bar.content.firstElementChild!.cloneNode(true) as HTMLElement;
      const button = copy.querySelector<HTMLButtonElement>('.copy-link')!;
      button.dataset.anchor = details.dataset.copyAnchor;
      if (details.dataset.copyLabel) button.setAttribute('aria-label', details.dataset.copyLabel);
      details.before(copy);
    }
  }
  // Every listener takes the one signal, so the teardown cannot miss one. (Written inline, not as a
  // shared helper: a module shared by entries becomes a chunk of its own, one more script per page.)
  const listeners = new AbortController();
  const { signal } = listeners;
  window.addEventListener('hashchange', onHashChange, { signal });
  window.addEventListener('popstate', onHashChange, { signal });
  document.addEventListener('click', onClick, { signal });
  // After the first layout, so sticky graphics and fonts have their size.
  requestAnimationFrame(() => go('auto'));
  return () => listeners.abort();
}
