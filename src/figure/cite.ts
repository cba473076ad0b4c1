type Teardown = () => void;

/**
 * The "cite this" box's copy button, on the story, /data/ and embed pages:
 *   <section class="cite-box"><p class="cite-text">…</p>
 *   <button class="cite-copy" data-copied="…" data-copy-fallback="…">…</button><span class="cite-status" role="status"></span></section>
 * Copies the citation's text; where the clipboard is refused, selects it and says how to copy.
 */
export function setupCiteCopy(root: Document | HTMLElement = document): Teardown {
  const onClick = async (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('.cite-copy');
    if (!button) return;
    const box = button.closest('.cite-box');
    const text = box?.querySelector<HTMLElement>('.cite-text');
    const status = box?.querySelector<HTMLElement>('.cite-status');
    if (!text || !status) return;
    try {
      await navigator.clipboard.writeText(text.textContent ?? '');
      status.textContent = button.dataset.copied ?? '';
    } catch {
      window.getSelection()?.selectAllChildren(text);
      status.textContent = button.dataset.copyFallback ?? '';
    }
  };
  root.addEventListener('click', onClick);
  // The buttons are in the HTML hidden: without this script they would do nothing.
  for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('.cite-copy'))) button.hidden = false;
  return () => root.removeEventListener('click', onClick);
}
