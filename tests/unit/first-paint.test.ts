import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ENTRY_MODULES, renderSite, type SiteAssets } from '../../src/site/render-site';
import { loadSiteInputs } from '../../src/site/inputs';
import { parseSiteUrl } from '../../src/publish/site-url';
import { LANGS } from '../../src/content/types';
import { route } from '../../src/routes/routes';
import { MODULE_LOADER_SOURCE } from '../../src/site/module-loader';
import { SCRIPTED_PARTS_FILE, WIDE_CHARTS_FILE } from '../../src/site/move-templates-out';
import { PART_ATTRIBUTE, SCRIPTED_PARTS_SELECTOR, TEMPLATES_FILE_END } from '../../src/story/beside-files';

/**
 * What stands between a phone and the first paint of the story's text (issue 23's LCP budget): no
 * script request during the parse, and no bytes only the script uses. The browser side (scripts are
 * requested after the first contentful paint) is tests/browser/guarantees.test.ts.
 */
const assets = Object.fromEntries(
  Object.keys(ENTRY_MODULES).map((name) => [name, { scripts: [`assets/${name}.js`, 'assets/common.js'], css: [] }]),
) as unknown as SiteAssets;
const files = renderSite(loadSiteInputs(), assets, parseSiteUrl('https://example.org/graphics/gaoping/'));
const pages = [...files].filter(([path]) => path.endsWith('.html'));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('module scripts start after the first paint', () => {
  it('no page links a script the parser would fetch; its only inline script is the loader, allowed by its own hash', () => {
    let loaders = 0;
    for (const [path, html] of pages) {
      const { document } = parseHTML(html);
      const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      for (const script of Array.from(document.querySelectorAll('script'))) {
        if (script.hasAttribute('src')) {
          // A classic deferred script is allowed only where it must be one (the embed loader for other sites).
          expect(script.getAttribute('type'), `${path}: ${script.outerHTML}`).not.toBe('module');
          continue;
        }
        expect(script.textContent, path).toBe(MODULE_LOADER_SOURCE);
        expect(csp, path).toContain(sha256(script.textContent ?? ''));
        expect(script.getAttribute('data-modules')?.split(' ').length, path).toBeGreaterThan(0);
        loaders++;
      }
      const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, path).toMatch(/^\s*script-src 'self'/);
      expect(scriptSrc, path).not.toMatch(/unsafe-(inline|eval)/);
    }
    expect(loaders).toBeGreaterThan(20);
  });
});

describe('what only the story script uses waits in a file beside the page', () => {
  for (const lang of LANGS) {
    it(`${lang}: each part leaves a placeholder that the file fills, and none stays in the page`, () => {
      const dir = route('story', lang);
      const { document: page } = parseHTML(files.get(`${dir}index.html`)!);
      const { document: file } = parseHTML(files.get(`${dir}${SCRIPTED_PARTS_FILE}`)!);
      expect(page.querySelectorAll(SCRIPTED_PARTS_SELECTOR)).toHaveLength(0);
      expect(page.getElementById('main')?.getAttribute('data-scripted-parts')).toBe(SCRIPTED_PARTS_FILE);
      const placeholders = Array.from(page.querySelectorAll(`template[${PART_ATTRIBUTE}]`));
      const parts = Array.from(file.querySelectorAll(`body > template[${PART_ATTRIBUTE}]`));
      // The phone's groups, the town entries and the figures' quotes, each once.
      expect(parts.filter((t) => t.matches('.chart-svg-group')).length).toBeGreaterThan(5);
      expect(parts.filter((t) => t.matches('.town-entries'))).toHaveLength(1);
      expect(parts.filter((t) => t.matches('#figure-sources'))).toHaveLength(1);
      expect(placeholders.map((t) => t.getAttribute(PART_ATTRIBUTE)).sort()).toEqual(
        parts.map((t) => t.getAttribute(PART_ATTRIBUTE)).sort(),
      );
      for (const placeholder of placeholders) expect(placeholder.innerHTML).toBe('');
      expect(file.body.lastElementChild?.id).toBe(TEMPLATES_FILE_END);
      // Served at a URL of its own, it carries the policy every page carries.
      expect(file.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull();
      expect(files.has(`${dir}${WIDE_CHARTS_FILE}`)).toBe(true);
    });
  }
});
