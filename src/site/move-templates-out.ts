import { h, toHtml } from '../dom/html';
import { newDocument } from './html-document';
import { CONTENT_SECURITY_POLICY } from './csp';

import {
  PART_ATTRIBUTE,
  SCRIPTED_PARTS_FILE,
  SCRIPTED_PARTS_SELECTOR,
  TEMPLATES_FILE_END,
  WIDE_CHARTS_FILE,
} from '../story/beside-files';

export { SCRIPTED_PARTS_FILE, WIDE_CHARTS_FILE };

/**
 * Moves the templates `selector` finds out of a built story page into a document of its own, and
 * tells the page where that document is (`attribute` on <main>). With `placeholders`, each template
 * leaves an empty `<template data-part="n">` where it stood, and goes back there when the page
 * script brings the file in. Returns the document's markup, or undefined if nothing matched.
 */
function moveTemplatesOut(
  page: Document,
  title: string,
  { selector, file: fileName, attribute, placeholders }: TemplatesOut,
): string | undefined {
  const templates = Array.from(page.querySelectorAll<HTMLTemplateElement>(selector));
  if (templates.length === 0) return undefined;
  const file = newDocument();
  file.documentElement.setAttribute('lang', page.documentElement.getAttribute('lang') ?? 'zh-CN');
  file.head.append(
    h(file, 'meta', { charset: 'utf-8' }),
    // Served at a URL of its own, so it carries the policy every page carries.
    h(file, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
    h(file, 'meta', { name: 'robots', content: 'noindex' }),
    h(file, 'title', {}, title),
  );
  templates.forEach((template, index) => {
    const moved = file.importNode(template, true) as HTMLTemplateElement;
    if (placeholders) {
      moved.setAttribute(PART_ATTRIBUTE, String(index));
      template.replaceWith(h(page, 'template', { [PART_ATTRIBUTE]: index }));
    } else template.remove();
    file.body.appendChild(moved);
  });
  file.body.appendChild(h(file, 'div', { id: TEMPLATES_FILE_END, hidden: true }));
  page.getElementById('main')?.setAttribute(attribute, fileName);
  return toHtml(file);
}

interface TemplatesOut {
  selector: string;
  file: string;
  attribute: string;
  placeholders: boolean;
}

/**
 * Every deferred wide chart (`template.chart-svg-deferred`, see renderFigure) goes to the
 * wide-charts file (`data-wide-charts` on <main>). The page loses about a third of its bytes;
 * without JavaScript nothing is lost (the phone-width chart shows at every width).
 */
export function moveWideChartsOut(page: Document, title: string): string | undefined {
  return moveTemplatesOut(page, title, {
    selector: 'template.chart-svg-deferred',
    file: WIDE_CHARTS_FILE,
    attribute: 'data-wide-charts',
    placeholders: false,
  });
}

/**
 * What only the page script uses (the phone's chart groups, the town finder's entries, the figures'
 * quotes) goes to the scripted-parts file (`data-scripted-parts` on <main>), so the first paint of a
 * phone does not wait for bytes it cannot use yet. Without JavaScript nothing is lost: none of it
 * was shown.
 */
export function moveScriptedPartsOut(page: Document, title: string): string | undefined {
  return moveTemplatesOut(page, title, {
    selector: SCRIPTED_PARTS_SELECTOR,
    file: SCRIPTED_PARTS_FILE,
    attribute: 'data-scripted-parts',
    placeholders: true,
  });
}
