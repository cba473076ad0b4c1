import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';

/** A script and every module it imports statically, followed through the built files. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:from\s*|import\s*)["'](\.\.?\/[^"']+\.js)["']/g)) {
    withStaticImports(join(dirname(file), match[1]!), seen);
  }
  return seen;
}

/**
 * Gzipped bytes (level 9) of every script a page loads at start-up: the modules its loader starts
 * (`<script data-modules>`, src/site/module-loader.ts), any script or modulepreload it links, and
 * their static imports. `pagePath` is relative to `root` (a built site folder).
 */
export function initialJsBytes(root: string, pagePath: string): number {
  const { document } = parseHTML(readFileSync(join(root, pagePath), 'utf8'));
  const sources = [
    ...Array.from(document.querySelectorAll('script[data-modules]')).flatMap((script) =>
      (script.getAttribute('data-modules') ?? '').split(' ').filter(Boolean),
    ),
    ...Array.from(document.querySelectorAll('script[src]')).map((script) => script.getAttribute('src')!),
    ...Array.from(document.querySelectorAll('link[rel="modulepreload"][href]')).map((link) =>
      link.getAttribute('href')!,
    ),
  ];
  const files = new Set<string>();
  // Root-relative (/assets/…) and page-relative (./assets/…) sources both resolve inside the site.
  for (const src of sources)
    withStaticImports(src.startsWith('/') ? join(root, src) : join(root, dirname(pagePath), src), files);
  if (files.size === 0) throw new Error(`${pagePath} loads no script: the bench would report 0 KB`);
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}

export interface DomCount {
  /** Elements in the document tree, as `document.querySelectorAll('*')` counts them (template contents excluded). */
  document: number;
  /** Elements inside `<template>` contents: parsed, but not in the document until a script clones them. */
  inTemplates: number;
}

/** Elements in a built page's initial HTML, parsed with linkedom (no script runs). */
export function initialDomCount(file: string): DomCount {
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const templates = [...document.querySelectorAll('template')] as unknown as HTMLTemplateElement[];
  return {
    document: document.querySelectorAll('*').length,
    inTemplates: templates.reduce((sum, t) => sum + t.content.querySelectorAll('*').length, 0),
  };
}
