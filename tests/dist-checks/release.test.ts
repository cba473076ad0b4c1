import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { localAddressesIn } from '../../src/publish/site-url';
import { outputTexts } from '../../src/site/release-check';
import { distText, site } from '../support/site';

describe(`the run's build with a public SITE_URL (${site.siteUrl})`, () => {
  it('holds no local address in any file of its output, ZIP entries included', () => {
    const texts = outputTexts(site.distDir);
    expect(texts.some((file) => file.fileName.endsWith('.zip/README.md'))).toBe(true);
    expect(localAddressesIn(texts)).toEqual([]);
  });

  it('is not marked as a preview: no banner, no noindex', () => {
    for (const page of ['index.html', 'en/index.html', 'data/index.html', 'embed/index.html']) {
      const { document } = parseHTML(distText(page));
      expect(document.querySelector('.preview-banner, meta[name="robots"]'), page).toBeNull();
    }
  });
});
