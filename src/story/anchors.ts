import { h } from '../dom/html';
import type { StoryContent } from '../content/types';
import { labelled } from '../content/template';
import { COPY_LINK_TEMPLATE } from './copy-link-template';

/** The anchor of step n (1-based, as the step's label counts) of a scrolly section. */
const stepAnchor = (sectionId: string, n: number) => `step-${sectionId}-${n}`;

/**
 * Stable anchors for deep links, added to the built story: every step gets `step-<section>-<n>`;
 * every chart id names an anchor at the first place the story shows it (the first step that
 * draws it, or its standalone figure); every chart's data details get a "copy link" button for it.
 * With JavaScript off the browser still scrolls to them; src/story/deep-links.ts adds the step's state.
 */
export function addDeepLinkAnchors(document: Document, content: StoryContent): void {
  for (const section of Array.from(document.querySelectorAll<HTMLElement>('section.scrolly[id^="section-"]'))) {
    const sectionId = section.id.slice('section-'.length);
    Array.from(section.querySelectorAll<HTMLElement>('.step')).forEach((step, index) => {
      step.setAttribute('id', stepAnchor(sectionId, index + 1));
    });
  }
  const placed = new Set<string>();
  const candidates = Array.from(
    document.querySelectorAll<HTMLElement>('.step[data-chart], .standalone-chart figure.chart[data-chart]'),
  );
  for (const element of candidates) {
    const chartId = element.getAttribute('data-chart')!;
    if (placed.has(chartId) || document.getElementById(chartId)) continue;
    placed.add(chartId);
    element.insertBefore(h(document, 'span', { id: chartId, class: 'chart-anchor' }), element.firstChild);
  }
  // The button sits beside each chart's data details (on the line of its summary), outside the
  // figure: a sticky graphic must keep fitting a phone's screen. Without the script a button would do
  // nothing, so the page carries one inert <template> of it and each details names its chart and the
  // button's label; src/story/deep-links.ts makes the buttons (no elements per chart in the initial
  // page, which the phone budget counts).
  const ids = [...placed].sort((a, b) => b.length - a.length);
  let copyable = false;
  for (const details of Array.from(document.querySelectorAll<HTMLElement>('main details.chart-data'))) {
    const descId = details.querySelector('.chart-description')?.id ?? '';
    const chartId = ids.find((id) => descId.endsWith(`-${id}`));
    if (!chartId) continue;
    // Five of these can follow one section: each names its chart, so they are not five "copy link"s.
    const title = content.charts[chartId]?.title;
    details.setAttribute('data-copy-anchor', chartId);
    if (title) details.setAttribute('data-copy-label', labelled(content.share.copyLink, title, content.lang));
    copyable = true;
  }
  if (!copyable) return;
  const button = h(
    document,
    'button',
    {
      type: 'button',
      class: 'copy-link',
      'data-copied': content.share.linkCopied,
      'data-copy-fallback': content.share.linkCopyFallback,
    },
    content.share.copyLink,
  );
  const status = h(document, 'span', { class: 'copy-link-status', role: 'status' });
  document
    .querySelector('main')
    ?.append(
      h(document, 'template', { id: COPY_LINK_TEMPLATE }, h(document, 'p', { class: 'copy-link-bar' }, button, status)),
    );
}
