import { embedCode, embedPath } from './embed-code';
import { embedQuery, parseEmbedOptions, type EmbedOptions } from './options';
import type { Lang } from '../content/types';

type Teardown = () => void;

function readForm(form: HTMLFormElement): { lang: Lang; options: EmbedOptions } {
  const data = new FormData(form);
  const lang: Lang = data.get('lang') === 'en' ? 'en' : 'zh';
  // The form's values go through the same parser as an embed page's URL.
  const options = parseEmbedOptions(`?theme=${encodeURIComponent(String(data.get('theme') ?? ''))}&title=${encodeURIComponent(String(data.get('title') ?? ''))}`);
  return { lang, options };
}

/** Live embed code and previews for the chosen options; a copy button per chart. */
export function startDesk(): Teardown {
  const main = document.querySelector<HTMLElement>('.desk');
  const form = document.querySelector<HTMLFormElement>('.desk-options');
  if (!main || !form) return () => undefined;
  const siteRoot = new URL(main.dataset.root ?? '../', window.location.href).href;
  const titles = new Map<string, string>();
  const update = () => {
    const { lang, options } = readForm(form);
    for (const card of Array.from(main.querySelectorAll<HTMLElement>('.desk-card'))) {
      const chartId = card.dataset.chart!;
      const title = titles.get(chartId) ?? card.querySelector('h2')?.textContent ?? chartId;
      titles.set(chartId, title);
      const code = card.querySelector<HTMLTextAreaElement>('.desk-code')!;
      code.value = embedCode(document, siteRoot, chartId, lang, options, title);
      const src = new URL(`${embedPath(chartId, lang)}${embedQuery(options)}`, siteRoot).href;
      const iframe = card.querySelector('iframe');
      if (iframe && iframe.src !== src) iframe.src = src;
      card.querySelector<HTMLAnchorElement>('.desk-open')!.href = src;
    }
  };
  const onCopy = async (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.desk-copy');
    if (!button) return;
    const card = button.closest('.desk-card')!;
    const code = card.querySelector<HTMLTextAreaElement>('.desk-code')!.value;
    const status = card.querySelector<HTMLElement>('.desk-status')!;
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = main.dataset.copied ?? '';
    } catch {
      card.querySelector<HTMLTextAreaElement>('.desk-code')!.select();
      status.textContent = main.dataset.copyFallback ?? '';
    }
  };
  form.addEventListener('change', update);
  main.addEventListener('click', onCopy);
  update();
  return () => {
    form.removeEventListener('change', update);
    main.removeEventListener('click', onCopy);
  };
}

startDesk();
