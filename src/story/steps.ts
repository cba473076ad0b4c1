/**
 * What a step does to its section's graphic: show one chart (on a phone, the prerendered group of
 * its rows the step tells about), highlight some of its marks, and on a phone rest the step's card
 * under the chart. The chart is never moved: each one fits its frame, or its section is stacked
 * (phone-fit.ts).
 */
export function applyStep(section: HTMLElement, step: HTMLElement): void {
  for (const other of Array.from(section.querySelectorAll<HTMLElement>('.step[aria-current]'))) {
    if (other !== step) other.removeAttribute('aria-current');
  }
  step.setAttribute('aria-current', 'step');
  const chartId = step.dataset.chart ?? '';
  const focus = new Set((step.dataset.focus ?? '').split(' ').filter(Boolean));
  const group = step.dataset.group;
  for (const figure of Array.from(section.querySelectorAll<HTMLElement>('.scrolly-graphic .chart'))) {
    const active = figure.dataset.chart === chartId;
    figure.classList.toggle('is-active', active);
    figure.classList.toggle('has-focus', active && focus.size > 0);
    if (active) showGroup(figure, group);
    for (const mark of Array.from(figure.querySelectorAll<SVGElement>('[data-key]'))) {
      mark.classList.toggle('is-focus', focus.has(mark.getAttribute('data-key') ?? ''));
    }
  }
  restCardUnderChart(section, step);
}

/** Between a chart's source line and the card under it, in CSS px. */
const CARD_GAP = 12;

/**
 * On a phone the current step's card rests just under its chart rather than at the foot of the
 * screen, so a short chart (or group of rows) leaves no blank band between its source line and
 * the text. The card's resting place (`--card-rest`: its bottom edge, measured from the graphic's
 * top) is read in the next frame, once per step change and never at start-up; style.css turns
 * it into the card's sticky offset, and never lower than the screen's foot. Where the card does
 * not stick (stacked sections, show-all, wide screens) nothing is set.
 */
function restCardUnderChart(section: HTMLElement, step: HTMLElement): void {
  const card = step.querySelector<HTMLElement>(':scope > p');
  if (!card) return;
  requestAnimationFrame(() => {
    const graphic = section.querySelector<HTMLElement>('.scrolly-graphic');
    const drawn = Array.from(
      section.querySelectorAll<HTMLElement>('.scrolly-graphic .chart.is-active .chart-svg'),
    ).filter((part) => part.getBoundingClientRect().height > 0);
    const chart = drawn.at(-1);
    if (
      !graphic ||
      !chart ||
      step.getAttribute('aria-current') !== 'step' ||
      getComputedStyle(card).position !== 'sticky'
    ) {
      card.style.removeProperty('--card-rest');
      return;
    }
    const foot = chart.getBoundingClientRect().bottom - graphic.getBoundingClientRect().top;
    card.style.setProperty('--card-rest', `${Math.ceil(foot + CARD_GAP + card.offsetHeight)}px`);
  });
}

/**
 * On a phone, shows the prerendered group of rows a step tells about (or the whole chart when the
 * step has none), bringing it in from its <template> the first time it is needed.
 */
function showGroup(figure: HTMLElement, group: string | undefined): void {
  if (group !== undefined && !figure.querySelector(`.chart-svg--step[data-group="${group}"]`)) {
    const template = figure.querySelector<HTMLTemplateElement>(`template.chart-svg-group[data-group="${group}"]`);
    if (template) template.before(document.importNode(template.content, true));
  }
  let shown = false;
  for (const part of Array.from(figure.querySelectorAll<HTMLElement>('.chart-svg--step'))) {
    part.classList.toggle('is-shown', part.dataset.group === group);
    shown ||= part.dataset.group === group;
  }
  figure.classList.toggle('shows-group', shown);
}
