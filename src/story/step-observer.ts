type Teardown = () => void;

/** Height of the trigger band, in per cent of the viewport: thin enough that one step holds it. */
const BAND_PERCENT = 1;

/**
 * Calls `onEnter` with a step when it reaches a horizontal line `offset` of the way down the
 * viewport (0.6 = 60 %), scrolling either way. It reads no geometry, at start-up or later: the
 * line is an IntersectionObserver root band set in percentages, so the browser reports crossings
 * after its own layout and the script never forces one (scrollama measures every step at set-up).
 */
export function observeSteps(steps: HTMLElement[], offset: number, onEnter: (step: HTMLElement) => void): Teardown {
  const topPercent = offset * 100;
  const rootMargin = `${-topPercent}% 0px ${-(100 - topPercent - BAND_PERCENT)}% 0px`;
  const order = new Map(steps.map((step, index) => [step as Element, index]));
  const observer = new IntersectionObserver((entries) => {
    // A band this thin holds one step at a time; if a batch reports two, the later step wins.
    const entered = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    entered.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const step = entered.at(-1);
    if (step) onEnter(step as HTMLElement);
  }, { rootMargin, threshold: 0 });
  for (const step of steps) observer.observe(step);
  return () => observer.disconnect();
}
