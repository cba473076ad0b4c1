import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset, Lang } from '../data/types';
import type { StoryContent } from '../story/content-types';
import type { Topology } from 'topojson-specification';
import { renderStory } from '../story/render-page';
import { fontStack, palette } from '../design/tokens';
import { CSP_META } from './csp';

const staticLayoutCss = readFileSync(fileURLToPath(new URL('../story/static-layout.css', import.meta.url)), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .trim();

export interface RenderedDocument {
  lang: string;
  head: string;
  body: string;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The design tokens as CSS custom properties, so page and charts share one palette. */
export function tokensCss(): string {
  const colours = Object.entries(palette).map(([name, value]) => `--c-${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${value}`);
  return `:root{${colours.join(';')};--font-stack:${fontStack}}`;
}

/** Head and body of one language's story page, prerendered: no JavaScript needed to read it. */
export function renderDocument(dataset: Dataset, content: StoryContent, geo: Topology): RenderedDocument {
  const { meta, page } = content;
  const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
  const head = [
    CSP_META,
    `<title>${escapeText(meta.title)}</title>`,
    `<meta name="description" content="${escapeAttr(meta.description)}" />`,
    `<meta name="color-scheme" content="light" />`,
    `<link rel="icon" href="data:," />`,
    `<style>${tokensCss()}html.show-all{${staticLayoutCss}}</style>`,
    `<noscript><style>html{${staticLayoutCss}}.show-all-toggle{display:none}</style></noscript>`,
  ].join('\n    ');
  const body = [
    `<a class="skip-link" href="#main">${escapeText(page.skipToContent)}</a>`,
    // The bar only mirrors the scroll position, which assistive technology already reports.
    `<div class="progress" aria-hidden="true"><div class="progress-bar"></div></div>`,
    `<nav class="topbar"><a href="${escapeAttr(page.languageSwitchHref)}" lang="${content.lang === 'zh' ? 'en' : 'zh-CN'}" hreflang="${content.lang === 'zh' ? 'en' : 'zh-CN'}">${escapeText(page.languageSwitch)}</a>` +
      `<button type="button" class="show-all-toggle" aria-pressed="false">${escapeText(page.showAllCharts)}</button></nav>`,
    renderStory(dataset, content, geo),
  ].join('\n    ');
  return { lang: htmlLang[content.lang], head, body };
}
