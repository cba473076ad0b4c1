/** What a step does to its section's graphic: show one chart, highlight some of its marks. */
export function applyStep(section: HTMLElement, step: HTMLElement): void {
  for (const other of Array.from(section.querySelectorAll<HTMLElement>('.step[aria-current]'))) {
    if (other !== step) other.removeAttribute('aria-current');
  }
  step.setAttribute('aria-current', 'step');
  const chartId = step.dataset.chart ?? '';
  const focus = new Set((step.dataset.focus ?? '').split(' ').filter(Boolean));
  for (const figure of Array.from(section.querySelectorAll<HTMLElement>('.scrolly-graphic .chart'))) {
    const active = figure.dataset.chart === chartId;
    figure.classList.toggle('is-active', active);
    figure.classList.toggle('has-focus', active && focus.size > 0);
    for (const mark of Array.from(figure.querySelectorAll<SVGElement>('[data-key]'))) {
      mark.classList.toggle('is-focus', focus.has(mark.getAttribute('data-key') ?? ''));
    }
    if (active) bringFocusIntoView(figure);
  }
}

const MARGIN = 12;

/**
 * When a chart is taller than the graphic's window (phones), shift it so that the marks the step
 * highlights are in view, the top of the chart when nothing is highlighted. Geometry is read once
 * per step change, never at start-up.
 */
export function bringFocusIntoView(figure: HTMLElement): void {
  const window_ = figure.parentElement;
  if (!window_) return;
  const visible = window_.clientHeight - parseFloat(getComputedStyle(window_).paddingTop || '0');
  const figureBox = figure.getBoundingClientRect();
  // Measured from the figure's own top, the marks' places do not depend on the current shift.
  const overflow = figureBox.height - visible + MARGIN;
  const marks = Array.from(figure.querySelectorAll<SVGGraphicsElement>('.is-focus')).map((mark) => mark.getBoundingClientRect()).filter((box) => box.width > 0 || box.height > 0);
  let shift = 0;
  if (overflow > 0 && marks.length > 0) {
    const focusTop = Math.min(...marks.map((box) => box.top)) - figureBox.top;
    const focusBottom = Math.max(...marks.map((box) => box.bottom)) - figureBox.top;
    // Centre the highlighted marks; keep their top in view when they are taller than the window.
    shift = Math.min((focusTop + focusBottom) / 2 - visible / 2, focusTop - MARGIN);
    shift = Math.max(0, Math.min(overflow, shift));
  }
  figure.style.setProperty('--focus-shift', String(Math.round(shift)));
}
