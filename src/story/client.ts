import scrollama from 'scrollama';
import './style.css';
import { applyStep } from './steps';
import { setupMapPanels } from '../figure/map-panel';
import { setupTooltips } from '../figure/tooltips';
import { setupDeepLinks } from './deep-links';
import { setupCiteCopy } from '../figure/cite';

type Teardown = () => void;

/** Each scrolly section: scrollama drives the steps; keyboard focus on a step does the same. */
function setupScrollySection(section: HTMLElement): Teardown {
  const steps = Array.from(section.querySelectorAll<HTMLElement>('.step'));
  const scroller = scrollama();
  // Phones: cards rise from below the graphic's window, so a step starts lower on the screen.
  const offset = window.matchMedia('(min-width: 960px)').matches ? 0.6 : 0.8;
  scroller.setup({ step: steps, offset }).onStepEnter(({ element }) => applyStep(section, element));
  const onFocus = (event: FocusEvent) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>('.step');
    if (step) applyStep(section, step);
  };
  section.addEventListener('focusin', onFocus);
  return () => {
    scroller.destroy();
    section.removeEventListener('focusin', onFocus);
  };
}

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
  update();
  return () => {
    window.removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
  };
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
