/**
 * The public address the site will be served from, read from SITE_URL at build time. Canonical
 * links, og:url, share-image URLs, oEmbed files, the citation and the desk's default embed code
 * all use it. It may carry a subpath (https://example.org/graphics/gaoping/): every absolute URL is
 * built by resolving a site-relative path against it, never by gluing strings to the host.
 */

/** What a local build (`npm run build && npm run preview`) is served at. */
export const DEFAULT_SITE_URL = 'http://localhost:4173/';

export class SiteUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteUrlError';
  }
}

export interface SiteUrl {
  /** Always ends with "/": https://example.org/graphics/gaoping/ */
  readonly href: string;
  /** The path part, also ending with "/": /graphics/gaoping/ */
  readonly basePath: string;
}

/**
 * Parses SITE_URL. Absent or empty means the local default; anything else must be an absolute
 * http(s) URL without query, fragment or credentials, or the build stops with a message saying why.
 */
export function parseSiteUrl(value: string | undefined): SiteUrl {
  const raw = (value ?? '').trim();
  if (raw === '') return parseSiteUrl(DEFAULT_SITE_URL);
  const fail = (why: string) =>
    new SiteUrlError(
      `SITE_URL="${raw}" is not usable: ${why}. Set it to the public address of the site, e.g. SITE_URL=https://example.org/graphics/gaoping/`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail('it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw fail(`the scheme must be http or https, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password) throw fail('it must not contain a user name or password');
  if (url.search || raw.includes('?')) throw fail('it must not have a query string');
  if (url.hash || raw.includes('#')) throw fail('it must not have a fragment');
  if (/\/[^/]+\.[a-z0-9]+$/i.test(url.pathname)) throw fail('it must name a folder, not a file');
  const basePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { href: `${url.origin}${basePath}`, basePath };
}

/** The absolute URL of a site-relative path ("en/embed/town-map/", "" for the home page). */
export function absoluteUrl(site: SiteUrl, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/'))
    throw new Error(`absoluteUrl wants a site-relative path, got "${path}"`);
  return new URL(path, site.href).href;
}

/** The site URL the build was started with (SITE_URL, or the local default). */
export function siteUrlFromEnv(env: NodeJS.ProcessEnv = process.env): SiteUrl {
  return parseSiteUrl(env.SITE_URL);
}

/**
 * Host names that only mean "this machine". A page that names one works for whoever built it and
 * for nobody else: a pasted embed, a shared link or a scanned poster would lead nowhere.
 */
const LOCAL_HOST = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/i;

/** A local address as it appears in a file: scheme, local host, optional port. */
const LOCAL_ADDRESS = /\bhttps?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?::\d+)?/gi;

/** True when the site's address is this machine: the build is a local preview, not a release. */
export function isLocalSite(site: SiteUrl): boolean {
  return LOCAL_HOST.test(new URL(site.href).hostname);
}

/**
 * Each output file that names a local address, with the first address it names: a release build
 * must hold none. Binary files are read as Latin-1, so an address in a PNG's text chunk is found too.
 */
export function localAddressesIn(files: Array<{ fileName: string; text: string }>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const match = file.text.match(LOCAL_ADDRESS);
    if (match) found.push(`${file.fileName}: ${match[0]}`);
  }
  return found;
}

/** The one-line warning a build without SITE_URL prints. */
export const LOCAL_PREVIEW_WARNING = `SITE_URL is not set: this is a LOCAL PREVIEW. Every absolute URL (embed code, oEmbed, share tags, citation, poster QR) points to ${DEFAULT_SITE_URL}; pages carry a preview banner and noindex. Build for release with SITE_URL=https://your.host/path/ npm run build:release.`;
