import './style.css';
import './map.css';
import { applyStep } from './steps';
import { observeSteps } from './step-observer';
import { bringInScriptedParts, fetchTemplates } from './fetch-templates';
import { setupDeepLinks } from './deep-links';

type Teardown = () => void;

/** Each scrolly section: a step becomes current as it crosses the trigger line; keyboard focus on a step does the same. */
function setupScrollySection(section: HTMLElement): Teardown {
  const steps = Array.from(section.querySelectorAll<HTMLElement>('.step'));
  // A step is current once its box is 60 % down the screen: on a phone its card then rests under
  // its chart (steps.ts), whole: chart and card share the screen, or the section is stacked (phone-fit.ts).
  const stopObserving = observeSteps(steps, 0.6, (step) => applyStep(section, step));
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
 * Wide screens get each chart's wide SVG (phones never download, parse or lay it out). The build
 * puts them in a file beside the page (`data-wide-charts` on <main>, src/site/wide-charts.ts);
 * the dev server leaves them in the page. Runs at start-up on wide screens, or when a window grows
 * past the breakpoint; a failed fetch leaves the phone-width charts, which read fine.
 */
function setupWideCharts(root: Document, onAdded: () => void): Teardown {
  const query = window.matchMedia(WIDE_CHARTS);
  let started = false;
  const templates = async (): Promise<HTMLTemplateElement[]> => {
    const inPage = Array.from(root.querySelectorAll<HTMLTemplateElement>('template.chart-svg-deferred'));
    const file = root.getElementById('main')?.dataset.wideCharts;
    if (inPage.length > 0 || !file) return inPage;
    return (await fetchTemplates(file)).filter((template) => template.classList.contains('chart-svg-deferred'));
  };
  const bringIn = async () => {
    let added = 0;
    for (const template of await templates()) {
      const narrow = root.getElementById(template.dataset.figure ?? '')?.querySelector('.chart-svg--narrow');
      if (!narrow) continue;
      narrow.after(root.importNode(template.content, true));
      template.remove();
      added++;
    }
    if (added > 0) onAdded();
    // A mark for whoever waits on the page (the browser tests): the wide charts are in.
    root.documentElement.dataset.wideCharts = 'in';
  };
  const onChange = () => {
    if (!query.matches || started) return;
    started = true;
    bringIn().catch(() => {
      // Offline, blocked or cut short: the phone-width charts stay, and a later resize tries again.
      started = false;
      root.documentElement.dataset.wideCharts = 'failed';
    });
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
function setupShowAllToggle(
  button: HTMLButtonElement,
  initially: boolean,
  onChange: (showAll: boolean) => void,
): Teardown {
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
  // Charts that come in later (wide ones, a phone's groups of rows) take the current step at once.
  const reapplyCurrentSteps = () => {
    for (const section of sections) {
      const current = section.querySelector<HTMLElement>('.step[aria-current="step"]');
      if (current) applyStep(section, current);
    }
  };
  // The wide charts come in before anything else is set up.
  teardowns.push(setupWideCharts(document, reapplyCurrentSteps));
  const scriptedParts = bringInScriptedParts(document).then((inPage) => {
    if (inPage) reapplyCurrentSteps();
  });
  const showAllAtStart = rememberedShowAll();
  let sectionTeardowns = showAllAtStart ? [] : sections.map(setupScrollySection);
  const bar = document.querySelector<HTMLElement>('.progress-bar');
  if (bar) teardowns.push(setupProgressBar(bar));
  const toggle = document.querySelector<HTMLButtonElement>('.show-all-toggle');
  if (toggle) {
    teardowns.push(
      setupShowAllToggle(toggle, showAllAtStart, (showAll) => {
        sectionTeardowns.forEach((teardown) => teardown());
        sectionTeardowns = showAll ? [] : sections.map(setupScrollySection);
      }),
    );
  }
  teardowns.push(setupDeepLinks());
  // A turned or resized screen moves the charts' feet: the current cards rest under them again.
  let resized = 0;
  const onResize = () => {
    if (!resized)
      resized = requestAnimationFrame(() => {
        resized = 0;
        reapplyCurrentSteps();
      });
  };
  window.addEventListener('resize', onResize);
  teardowns.push(() => window.removeEventListener('resize', onResize));
  // Tooltips, the town dialog, the figures' quotes and the citation's copy button are loaded once the
  // page has started, beside the scripted parts they use. <html data-ready> says all are in.
  let stopped = false;
  const main = document.getElementById('main');
  void Promise.all([
    import('../figure/tooltips'),
    import('../figure/map-panel'),
    import('../figure/cite'),
    import('../figure/roving'),
    import('./town-finder-client'),
    import('./figure-source'),
    // The town finder's entries and the figures' quotes are among the scripted parts.
    scriptedParts,
  ])
    .then(([tooltips, mapPanel, cite, roving, townFinder, figureSource]) => {
      if (stopped) return;
      if (main)
        teardowns.push(
          tooltips.setupTooltips(main),
          mapPanel.setupMapPanels(main),
          roving.setupRovingMarks(main),
          townFinder.setupTownFinder(main),
          figureSource.setupFigureSources(main),
        );
      teardowns.push(cite.setupCiteCopy(document));
      document.documentElement.dataset.ready = 'true';
    })
    .catch(() => {
      // A network that drops these files leaves the story readable, steps and all, without them.
    });
  return () => {
    stopped = true;
    sectionTeardowns.forEach((teardown) => teardown());
    teardowns.forEach((teardown) => teardown());
  };
}

startStory();
