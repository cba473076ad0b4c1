import './style.css';
import { applyStep } from './steps';
import { observeSteps } from './step-observer';
import { setupMapPanels } from '../figure/map-panel';
import { setupTooltips } from '../figure/tooltips';
import { setupDeepLinks } from './deep-links';
import { setupCiteCopy } from '../figure/cite';

type Teardown = () => void;

/** Each scrolly section: a step becomes current as it crosses the trigger line; keyboard focus on a step does the same. */
function setupScrollySection(section: HTMLElement): Teardown {
  const steps = Array.from(section.querySelectorAll<HTMLElement>('.step'));
  // Phones: cards rise from below the graphic's window, so a step starts lower on the screen.
  const offset = window.matchMedia('(min-width: 960px)').matches ? 0.6 : 0.8;
  const stopObserving = observeSteps(steps, offset, (step) => applyStep(section, step));
  const onFocus = (event: FocusEvent) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>('.step');
    if (step) applyStep(section, step);
  };
  section.addEventListener('focusin', onFocus);
  return () => {
    stopObserving();
    section.removeEventListener('focusin', onFocus);
  };
}

/**
 * The bar follows scroll events, measuring once per animation frame and never at start-up (a page
 * opened scrolled, by a deep link or a reload, fires a scroll event of its own).
 */
function setupProgressBar(bar: HTMLElement): Teardown {
  let frame = 0;
  const update = () => {
    frame = 0;
    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
    const progress = scrollable > 0 ? Math.min(1, window.scrollY / scrollable) : 0;
    bar.style.transform = `scaleX(${progress})`;
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    window.removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Where the story's CSS swaps the phone-width charts for the wide ones. */
const WIDE_CHARTS = '(min-width: 700px)';

/**
 * Wide screens get each chart's wide SVG from its inert <template> (phones never parse, style or
 * lay it out). Nodes are moved, never markup parsed. Runs at start-up on wide screens, or when a
 * window grows past the breakpoint.
 */
function setupWideCharts(root: ParentNode, onAdded: () => void): Teardown {
  const query = window.matchMedia(WIDE_CHARTS);
  const bringIn = () => {
    const templates = Array.from(root.querySelectorAll<HTMLTemplateElement>('template.chart-svg-deferred'));
    for (const template of templates) template.replaceWith(template.content);
    if (templates.length > 0) onAdded();
  };
  const onChange = () => {
    if (query.matches) bringIn();
  };
  onChange();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const SHOW_ALL_KEY = 'gaoping-show-all';

function rememberedShowAll(): boolean {
  try {
    return window.localStorage.getItem(SHOW_ALL_KEY) === '1';
  } catch {
    return false;
  }
}

/** A reader can turn the scrolling steps off and see every chart in the flow; the choice is remembered. */
function setupShowAllToggle(button: HTMLButtonElement, initially: boolean, onChange: (showAll: boolean) => void): Teardown {
  const show = (showAll: boolean) => {
    button.setAttribute('aria-pressed', String(showAll));
    document.documentElement.classList.toggle('show-all', showAll);
  };
  const set = (showAll: boolean) => {
    button.setAttribute('aria-pressed', String(showAll));
    document.documentElement.classList.toggle('show-all', showAll);
    try {
      window.localStorage.setItem(SHOW_ALL_KEY, showAll ? '1' : '0');
    } catch {
      // Storage may be off (private mode); the toggle still works for this visit.
    }
    onChange(showAll);
  };
  const onClick = () => set(button.getAttribute('aria-pressed') !== 'true');
  button.hidden = false;
  button.addEventListener('click', onClick);
  show(initially);
  return () => button.removeEventListener('click', onClick);
}

export function startStory(): Teardown {
  const teardowns: Teardown[] = [];
  const sections = Array.from(document.querySelectorAll<HTMLElement>('.scrolly'));
  // The wide charts come in before anything else is set up, and take the current step's highlight.
  teardowns.push(setupWideCharts(document, () => {
    for (const section of sections) {
      const current = section.querySelector<HTMLElement>('.step[aria-current="step"]');
      if (current) applyStep(section, current);
    }
  }));
  const showAllAtStart = rememberedShowAll();
  let sectionTeardowns = showAllAtStart ? [] : sections.map(setupScrollySection);
  const bar = document.querySelector<HTMLElement>('.progress-bar');
  if (bar) teardowns.push(setupProgressBar(bar));
  const toggle = document.querySelector<HTMLButtonElement>('.show-all-toggle');
  if (toggle) {
    teardowns.push(setupShowAllToggle(toggle, showAllAtStart, (showAll) => {
      sectionTeardowns.forEach((teardown) => teardown());
      sectionTeardowns = showAll ? [] : sections.map(setupScrollySection);
    }));
  }
  const main = document.getElementById('main');
  if (main) teardowns.push(setupTooltips(main), setupMapPanels(main));
  teardowns.push(setupDeepLinks(), setupCiteCopy(document));
  return () => {
    sectionTeardowns.forEach((teardown) => teardown());
    teardowns.forEach((teardown) => teardown());
  };
}

startStory();
