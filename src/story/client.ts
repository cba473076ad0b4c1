import scrollama from 'scrollama';
import './style.css';
import { applyStep } from './steps';
import { setupMapPanels } from './map-panel';

type Teardown = () => void;

/** Each scrolly section: scrollama drives the steps; keyboard focus on a step does the same. */
function setupScrollySection(section: HTMLElement): Teardown {
  const steps = Array.from(section.querySelectorAll<HTMLElement>('.step'));
  const scroller = scrollama();
  scroller.setup({ step: steps, offset: 0.6 }).onStepEnter(({ element }) => applyStep(section, element));
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

/** A reader can turn the scrolling steps off and see every chart in the flow. */
function setupShowAllToggle(button: HTMLButtonElement, onChange: (showAll: boolean) => void): Teardown {
  const onClick = () => {
    const showAll = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(showAll));
    document.documentElement.classList.toggle('show-all', showAll);
    onChange(showAll);
  };
  button.hidden = false;
  button.addEventListener('click', onClick);
  return () => button.removeEventListener('click', onClick);
}

/** Names of chart marks, shown on hover and keyboard focus. */
function setupTooltips(root: HTMLElement): Teardown {
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
  return () => {
    root.removeEventListener('pointerover', show);
    root.removeEventListener('focusin', show);
    root.removeEventListener('pointerout', hide);
    root.removeEventListener('focusout', hide);
    window.removeEventListener('scroll', onScroll);
    tip.remove();
  };
}

export function startStory(): Teardown {
  const teardowns: Teardown[] = [];
  const sections = Array.from(document.querySelectorAll<HTMLElement>('.scrolly'));
  let sectionTeardowns = sections.map(setupScrollySection);
  const bar = document.querySelector<HTMLElement>('.progress-bar');
  if (bar) teardowns.push(setupProgressBar(bar));
  const toggle = document.querySelector<HTMLButtonElement>('.show-all-toggle');
  if (toggle) {
    teardowns.push(setupShowAllToggle(toggle, (showAll) => {
      sectionTeardowns.forEach((teardown) => teardown());
      sectionTeardowns = showAll ? [] : sections.map(setupScrollySection);
    }));
  }
  const main = document.getElementById('main');
  if (main) teardowns.push(setupTooltips(main), setupMapPanels(main));
  return () => {
    sectionTeardowns.forEach((teardown) => teardown());
    teardowns.forEach((teardown) => teardown());
  };
}

startStory();
