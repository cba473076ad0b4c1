import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { isLocalSite, localAddressesIn, parseSiteUrl } from '../../src/publish/site-url';
import { sitePlugin } from '../../src/site/vite-plugin';
import { outputTexts } from '../../src/site/release-check';
import { newDocument, renderPage } from '../../src/site/html-document';

const saved = process.env.SITE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

/** A written output folder with the given files, as the build leaves it before writeBundle. */
function outputDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaoping-release-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  return dir;
}

/** Runs the plugin's writeBundle hook on dir, as Vite does once every file is written. */
function finishBuild(dir: string): void {
  const plugin = sitePlugin() as unknown as { configResolved: (config: unknown) => void; writeBundle: () => void };
  plugin.configResolved({ root: dir, build: { outDir: dir } });
  plugin.writeBundle();
}

describe('where the site lives', () => {
  it('counts loopback hosts as local and public hosts as not', () => {
    for (const href of ['http://localhost:4173/', 'http://127.0.0.1:8080/a/', 'http://[::1]:3000/', 'http://0.0.0.0/'])
      expect(isLocalSite(parseSiteUrl(href)), href).toBe(true);
    for (const href of ['https://example.org/graphics/gaoping/', 'https://localhost.example.org/'])
      expect(isLocalSite(parseSiteUrl(href)), href).toBe(false);
  });

  it('finds a local address in any file, and none in a public one', () => {
    expect(
      localAddressesIn([
        { fileName: 'a.html', text: '<a href="https://example.org/">x</a>' },
        { fileName: 'b.json', text: '{"url":"http://localhost:4173/embed/"}' },
        { fileName: 'c.txt', text: 'see http://127.0.0.1:5173' },
      ]),
    ).toEqual(['b.json: http://localhost:4173', 'c.txt: http://127.0.0.1:5173']);
  });

  it('a release build (SITE_URL set) refuses to finish while an output file, or a ZIP entry, names a local address, and keeps nothing', () => {
    process.env.SITE_URL = 'https://example.org/graphics/gaoping/';
    const zip = zipSync({ 'README.md': strToU8('cite: http://localhost:4173/') });
    const dir = outputDir({
      'index.html': '<a href="https://example.org/graphics/gaoping/">ok</a>',
      'data/pkg.zip': zip,
    });
    expect(() => finishBuild(dir)).toThrow(/data\/pkg\.zip\/README\.md: http:\/\/localhost:4173/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a release build with only public addresses finishes and keeps its output', () => {
    process.env.SITE_URL = 'https://example.org/graphics/gaoping/';
    const dir = outputDir({
      'index.html': '<a href="https://example.org/graphics/gaoping/">ok</a>',
      'oembed/x.json': '{"html":"<iframe src=\\"https://example.org/graphics/gaoping/embed/x/\\">"}',
    });
    expect(() => finishBuild(dir)).not.toThrow();
    expect(
      outputTexts(dir)
        .map((file) => file.fileName)
        .sort(),
    ).toEqual(['index.html', 'oembed/x.json']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a local preview (no SITE_URL) marks its pages noindex with a visible banner, and a public build does not', () => {
    const page = () =>
      newDocument(renderPage({ htmlLang: 'en', title: 't' }, (document) => [document.createElement('main')]));
    delete process.env.SITE_URL;
    const preview = page();
    expect(preview.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(preview.body.firstElementChild?.className).toBe('preview-banner');
    expect(preview.querySelector('.preview-banner')?.textContent).toContain('SITE_URL');
    process.env.SITE_URL = 'https://example.org/';
    const release = page();
    expect(release.querySelector('meta[name="robots"]')).toBeNull();
    expect(release.querySelector('.preview-banner')).toBeNull();
  });
});
