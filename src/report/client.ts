import './report.css';

type Teardown = () => void;

const RECORD_HASH = /^#q-(.+)$/;

/** Marks the text of one record's quote (its <mark> pieces) as the current one. */
function setCurrent(id: string | null): void {
  for (const mark of Array.from(document.querySelectorAll('.q-text.is-current, .q.is-current')))
    mark.classList.remove('is-current');
  if (!id) return;
  const ref = document.getElementById(`q-${id}`);
  if (!ref) return;
  ref.classList.add('is-current');
  for (const mark of Array.from(ref.closest('.q-cluster')?.querySelectorAll<HTMLElement>('.q-text') ?? [])) {
    if ((mark.dataset.q ?? '').split(' ').includes(id)) mark.classList.add('is-current');
  }
}

function idFromHash(hash: string): string | null {
  const match = RECORD_HASH.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/**
 * Activating a highlight (click, or Enter on it) shows its record in a panel beside the text: a
 * copy of the prerendered card (cloned nodes, never HTML). Without JavaScript the same link goes
 * to the card under the paragraph.
 */
export function startReport(): Teardown {
  const pop = document.querySelector<HTMLElement>('.q-pop');
  const body = pop?.querySelector<HTMLElement>('.q-pop-body');
  let opener: HTMLElement | null = null;
  const open = (ref: HTMLElement) => {
    const id = ref.dataset.record ?? '';
    const card = document.getElementById(`r-${id}`);
    if (!pop || !body || !card) return;
    const copy = card.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    body.replaceChildren(copy);
    pop.hidden = false;
    // The panel sits at the bottom of the window, or at the top when the highlight is low on screen.
    pop.classList.toggle('q-pop--top', ref.getBoundingClientRect().top > window.innerHeight / 2);
    opener = ref;
    history.replaceState(null, '', `#q-${encodeURIComponent(id)}`);
    setCurrent(id);
    pop.focus({ preventScroll: true });
  };
  const close = () => {
    if (!pop || pop.hidden) return;
    pop.hidden = true;
    opener?.focus();
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    if (target.closest('.q-pop-close')) {
      close();
      return;
    }
    const ref = target.closest<HTMLElement>('a.q');
    if (ref) {
      event.preventDefault();
      open(ref);
      return;
    }
    // Clicking highlighted text opens the record it belongs to (the innermost, if several).
    const mark = target.closest<HTMLElement>('.q-text');
    if (mark) {
      const ids = (mark.dataset.q ?? '').split(' ');
      const ref = document.getElementById(`q-${ids[ids.length - 1]}`);
      if (ref) open(ref);
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  const onHash = () => setCurrent(idFromHash(location.hash));
  // Every listener takes the one signal, so the teardown cannot miss one. (Written inline, not as a
  // shared helper: a module shared by entries becomes a chunk of its own, one more script per page.)
  const listeners = new AbortController();
  const { signal } = listeners;
  document.addEventListener('click', onClick, { signal });
  document.addEventListener('keydown', onKey, { signal });
  window.addEventListener('hashchange', onHash, { signal });
  onHash();
  document.documentElement.classList.add('report-js');
  return () => listeners.abort();
}

startReport();
