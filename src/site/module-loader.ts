import { createHash } from 'node:crypto';
import { h } from '../dom/html';

/**
 * The one inline script a page carries. It starts the page's module scripts (listed in its
 * `data-modules`) once the browser reports the page's first contentful paint, so no script request
 * stands between a phone and the first paint of its text. (Module scripts are deferred anyway, but
 * Chromium fetches them at high priority during the parse, and on a slow network the first paint
 * then waits for them.) A browser without paint timing starts them after DOMContentLoaded and one
 * frame. Without JavaScript nothing changes: every chart is prerendered.
 *
 * An address with a query (an embed's ?theme=dark&plain=1, the explorer's filters) asks for
 * something the prerendered page does not show, so there the scripts start as soon as the document
 * is parsed, as deferred scripts would: the reader never sees the page flash from the defaults to
 * what the address asked for.
 *
 * `<html data-scripts>` says "waiting" from the parse on, then "in" once every module has run or
 * "failed" if one did not load, for whoever
 * waits on the page (the browser tests' pageReady): the window's load event no longer does.
 *
 * Plain ES5 with no global names; allowed by its hash in the CSP (src/site/csp.ts), never by
 * 'unsafe-inline'. Changing one character changes the hash, which is computed from this text.
 */
export const MODULE_LOADER_SOURCE = [
  '(function(){',
  "var t=document.currentScript,d=0,h=document.documentElement;h.dataset.scripts='waiting';",
  "function l(){if(d)return;d=1;var m=t.getAttribute('data-modules').split(' '),n=m.length;",
  "m.forEach(function(s){var e=document.createElement('script');e.type='module';e.src=s;",
  "e.onload=function(){--n||(h.dataset.scripts='in')};e.onerror=function(){h.dataset.scripts='failed'};",
  'document.head.appendChild(e)})}',
  "function p(){document.readyState==='loading'?document.addEventListener('DOMContentLoaded',l):l()}",
  'function f(){requestAnimationFrame(function(){setTimeout(l)})}',
  'if(location.search.length>1)return p();',
  'try{new PerformanceObserver(function(e,o){',
  "if(e.getEntriesByName('first-contentful-paint').length){o.disconnect();setTimeout(l)}",
  "}).observe({type:'paint',buffered:true})}",
  "catch(x){document.readyState==='loading'?document.addEventListener('DOMContentLoaded',f):f()}",
  '})()',
].join('');

/** The CSP source that allows the loader and nothing else inline. */
export const MODULE_LOADER_CSP_SOURCE = `'sha256-${createHash('sha256').update(MODULE_LOADER_SOURCE).digest('base64')}'`;

/** The loader for these module scripts (paths as the page links them), or null when there are none. */
export function moduleLoader(document: Document, scripts: string[]): HTMLElement | null {
  if (scripts.length === 0) return null;
  return h(document, 'script', { 'data-modules': scripts.join(' ') }, MODULE_LOADER_SOURCE);
}
