type Teardown = () => void;

/**
 * Calls `onEnter` with the step that is current: the last step (in reading order) whose box has
 * risen past a horizontal line `offset` of the way down the viewport (0.6 = 60 %) and is still on
 * screen above it, scrolling either way. It reads no geometry, at start-up or later: the region
 * above the line is an IntersectionObserver root set in percentages, so the browser reports
 * crossings after its own layout and the script never forces one (scrollama measures every step
 * at set-up). The region is tall, so a short step (one line of a stacked section) cannot be
 * skipped by a fast scroll, as it could be by a thin trigger band.
 */
export function observeSteps(steps: HTMLElement[], offset: number, onEnter: (step: HTMLElement) => void): Teardown {
  const rootMargin = `0px 0px ${-(100 - offset * 100)}% 0px`;
  const order = new Map(steps.map((step, index) => [step as Element, index]));
  const above = new Set<Element>();
  let current: Element | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) above.add(entry.target);
        else above.delete(entry.target);
      }
      const last = [...above].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).at(-1);
      if (last && last !== current) {
        current = last;
        onEnter(last as HTMLElement);
      }
    },
    { rootMargin, threshold: 0 },
  );
  for (const step of steps) observer.observe(step);
  return () => observer.disconnect();
}
