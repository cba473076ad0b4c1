import { describe, expect, it } from 'vitest';
import { absoluteUrl, DEFAULT_SITE_URL, parseSiteUrl, SiteUrlError } from '../../src/publish/site-url';

describe('SITE_URL', () => {
  it('defaults to the local preview address when unset or empty', () => {
    expect(parseSiteUrl(undefined).href).toBe(DEFAULT_SITE_URL);
    expect(parseSiteUrl('  ').href).toBe(DEFAULT_SITE_URL);
  });

  it('keeps a subpath and always ends with a slash', () => {
    const site = parseSiteUrl('https://example.org/graphics/gaoping');
    expect(site.href).toBe('https://example.org/graphics/gaoping/');
    expect(site.basePath).toBe('/graphics/gaoping/');
    expect(absoluteUrl(site, 'en/embed/town-map/')).toBe('https://example.org/graphics/gaoping/en/embed/town-map/');
    expect(absoluteUrl(site, '')).toBe('https://example.org/graphics/gaoping/');
    expect(absoluteUrl(parseSiteUrl('https://example.org'), 'share/zh.png')).toBe('https://example.org/share/zh.png');
  });

  it.each([
    ['example.org/graphics/', 'not an absolute URL'],
    ['ftp://example.org/', 'scheme must be http or https'],
    ['https://user:pw@example.org/', 'user name or password'],
    ['https://example.org/?x=1', 'query string'],
    ['https://example.org/#top', 'fragment'],
    ['https://example.org/index.html', 'folder, not a file'],
  ])('stops the build on %s with a message saying why', (value, why) => {
    expect(() => parseSiteUrl(value)).toThrow(SiteUrlError);
    expect(() => parseSiteUrl(value)).toThrow(why);
    expect(() => parseSiteUrl(value)).toThrow(`SITE_URL="${value}"`);
  });

  it('refuses to resolve absolute paths, which would drop the subpath', () => {
    const site = parseSiteUrl('https://example.org/graphics/gaoping/');
    expect(() => absoluteUrl(site, '/embed/')).toThrow('site-relative');
  });
});
