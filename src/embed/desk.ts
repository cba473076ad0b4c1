import { embedCode } from './embed-code';
import { chartRoutes } from '../routes/routes';
import { embedQuery } from './options';
import { DEVICE_WIDTHS, readDeskForm } from './desk-form';
import { setupCiteCopy } from '../figure/cite';

type Teardown = () => void;

/**
 * Live embed code and previews for the chosen options; a copy button per chart. Switching the
 * language switches each card's heading, the preview's title and src, and the code's title: the
 * card carries both languages' titles in data-title-zh / data-title-en (and data-preview-zh/-en).
 */
export function startDesk(): Teardown {
  const main = document.querySelector<HTMLElement>('.desk');
  const form = document.querySelector<HTMLFormElement>('.desk-options');
  if (!main || !form) return () => undefined;
  // The code names the address the desk is served from: right on any host the site is copied to,
  // and the same as SITE_URL when the desk is read where the build says it lives.
  const siteRoot = new URL(main.dataset.root ?? '../', window.location.href).href;
  const previewRoot = siteRoot;
  const update = () => {
    const { lang, options, maxWidth, device } = readDeskForm(new FormData(form));
    for (const card of Array.from(main.querySelectorAll<HTMLElement>('.desk-card'))) {
      const chartId = card.dataset.chart!;
      const heading = card.querySelector('h2');
      const title = (lang === 'en' ? card.dataset.titleEn : card.dataset.titleZh) ?? heading?.textContent ?? chartId;
      if (heading && heading.textContent !== title) {
        heading.textContent = title;
        heading.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
      }
      // Every label in the card follows the chosen language, as the embed itself does.
      card.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
      for (const element of Array.from(card.querySelectorAll<HTMLElement>('[data-zh][data-en]'))) {
        const text = lang === 'en' ? element.dataset.en! : element.dataset.zh!;
        if (element.textContent !== text) element.textContent = text;
      }
      const code = card.querySelector<HTMLTextAreaElement>('.desk-code')!;
      const label = lang === 'en' ? code.dataset.labelEn : code.dataset.labelZh;
      if (label) code.setAttribute('aria-label', label);
      code.value = embedCode(document, siteRoot, chartId, lang, options, title, 500, maxWidth);
      // Show the whole code: the box grows to its content.
      code.style.height = 'auto';
      code.style.height = `${code.scrollHeight + 2}px`;
      const src = new URL(`${chartRoutes.embed(chartId, lang)}${embedQuery(options)}`, previewRoot).href;
      const iframe = card.querySelector('iframe');
      if (iframe) {
        if (iframe.src !== src) iframe.src = src;
        const label = (lang === 'en' ? card.dataset.previewEn : card.dataset.previewZh) ?? '';
        iframe.title = label ? (lang === 'zh' ? `${label}：${title}` : `${label}: ${title}`) : title;
        const width = DEVICE_WIDTHS[device];
        iframe.style.width = width ? `${width}px` : '100%';
        iframe.style.maxWidth = maxWidth ? `min(100%, ${maxWidth}px)` : '100%';
        iframe.style.background = options.transparent
          ? 'repeating-conic-gradient(#eee 0 25%, #fff 0 50%) 0 0 / 16px 16px'
          : '';
      }
      for (const link of Array.from(card.querySelectorAll<HTMLAnchorElement>('.print-images a[data-href-zh]'))) {
        const href = lang === 'en' ? link.dataset.hrefEn : link.dataset.hrefZh;
        if (href) link.setAttribute('href', href);
        link.setAttribute('download', (href ?? '').split('/').pop() ?? '');
      }
      const open = card.querySelector<HTMLAnchorElement>('.desk-open');
      if (open) open.href = src;
    }
  };
  const onCopy = async (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.desk-copy');
    if (!button) return;
    const card = button.closest('.desk-card')!;
    const code = card.querySelector<HTMLTextAreaElement>('.desk-code')!;
    const status = card.querySelector<HTMLElement>('.desk-status')!;
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = main.dataset.copied ?? '';
    } catch {
      code.select();
      status.textContent = main.dataset.copyFallback ?? '';
    }
  };
  // Every listener takes the one signal, so the teardown cannot miss one. (Written inline, not as a
  // shared helper: a module shared by entries becomes a chunk of its own, one more script per page.)
  const listeners = new AbortController();
  const { signal } = listeners;
  form.addEventListener('change', update, { signal });
  form.addEventListener('input', update, { signal });
  main.addEventListener('click', onCopy, { signal });
  update();
  const stopCite = setupCiteCopy(document);
  return () => {
    stopCite();
    listeners.abort();
  };
}

startDesk();
