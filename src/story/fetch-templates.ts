import { PART_ATTRIBUTE, TEMPLATES_FILE_END } from './beside-files';

/**
 * The <template>s of a file beside the page (src/site/wide-charts.ts). They come from the build's one
 * serializer and are read by the browser's parser; nodes are moved in, no data string is ever
 * treated as markup. Rejects on a failed request or a file cut short (it lacks its closing mark).
 */
export async function fetchTemplates(file: string): Promise<HTMLTemplateElement[]> {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
  if (!parsed.getElementById(TEMPLATES_FILE_END)) throw new Error(`${file} is incomplete`);
  return Array.from(parsed.querySelectorAll<HTMLTemplateElement>('body > template'));
}

/**
 * Puts the page's scripted parts (the phone's chart groups, the town finder's entries, the figures'
 * quotes) back where the build took them out: each empty `<template data-part="n">` is replaced by
 * the file's template n. Resolves to whether they are in (true at once when the page kept them);
 * never rejects: without them the story still reads, with whole charts and no finder.
 * `<html data-scripted-parts>` says how it went, for whoever waits on the page.
 */
export async function bringInScriptedParts(root: Document): Promise<boolean> {
  const file = root.getElementById('main')?.dataset.scriptedParts;
  if (!file) return true;
  const mark = (state: 'in' | 'failed') => {
    root.documentElement.dataset.scriptedParts = state;
    return state === 'in';
  };
  try {
    const templates = await fetchTemplates(file);
    const places = new Map(
      Array.from(root.querySelectorAll<HTMLTemplateElement>(`template[${PART_ATTRIBUTE}]:not([class]):not([id])`)).map(
        (place) => [place.getAttribute(PART_ATTRIBUTE), place],
      ),
    );
    for (const template of templates)
      places.get(template.getAttribute(PART_ATTRIBUTE))?.replaceWith(root.importNode(template, true));
    return mark('in');
  } catch {
    return mark('failed');
  }
}
