type Teardown = () => void;

const KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Each chart is one tab stop (the build gives its first mark tabindex 0, the rest -1); the arrow
 * keys, Home and End move between its marks, and the stop moves with them (a roving tabindex), so
 * Tab leaves the chart from where the reader was.
 */
export function setupRovingMarks(root: HTMLElement): Teardown {
  const onKeyDown = (event: KeyboardEvent) => {
    const move = KEYS[event.key];
    const mark = (event.target as Element).closest?.('svg [tabindex]');
    const svg = mark?.closest('svg');
    if (!move || !mark || !svg || event.altKey || event.ctrlKey || event.metaKey) return;
    const marks = Array.from(svg.querySelectorAll<SVGElement>('[tabindex]'));
    const next = marks[move(marks.indexOf(mark as SVGElement), marks.length)];
    if (!next) return;
    event.preventDefault();
    for (const other of marks) other.setAttribute('tabindex', other === next ? '0' : '-1');
    next.focus();
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}
