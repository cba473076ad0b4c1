/** Options an editor sets on an embed page, as URL parameters. */
type Theme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  theme: Theme;
  showTitle: boolean;
  /** Chart only: no title block, no links or credits under it (Datawrapper's "plain"). */
  plain: boolean;
  /** No page background, so the host page's shows through. */
  transparent: boolean;
  /** Print images and the metadata link under the chart (off: they live in the desk). */
  print: boolean;
  /** The "cite this" box under the chart. */
  cite: boolean;
  /** A link to the same chart in the other language. */
  langLink: boolean;
}

/** The render flags beyond Datawrapper's: URL parameter → option. Off by default: the footer stays one line. */
export const EXTRA_FLAGS = { print: 'print', cite: 'cite', langlink: 'langLink' } as const;

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  theme: 'light',
  showTitle: true,
  plain: false,
  transparent: false,
  print: false,
  cite: false,
  langLink: false,
};

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];
const TITLE_VALUES: Record<string, boolean> = { '1': true, '0': false, true: true, false: false };
const FLAG_VALUES = TITLE_VALUES;

/**
 * Reads ?theme=light|dark|auto&title=1|0&plain=1|0&transparent=1|0&print=1|0&cite=1|0&langlink=1|0. Anything unknown, malformed, repeated with bad values
 * or absurdly long falls back to the default: a URL can never break the chart.
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 4000 ? '' : search);
  } catch {
    return { ...DEFAULT_EMBED_OPTIONS };
  }
  const first = <T>(key: string, accept: (value: string) => T | undefined): T | undefined => {
    for (const value of params.getAll(key)) {
      const accepted = accept(value.trim().toLowerCase());
      if (accepted !== undefined) return accepted;
    }
    return undefined;
  };
  return {
    theme:
      first('theme', (v) => ((THEMES as readonly string[]).includes(v) ? (v as Theme) : undefined)) ??
      DEFAULT_EMBED_OPTIONS.theme,
    showTitle: first('title', (v) => TITLE_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.showTitle,
    plain: first('plain', (v) => FLAG_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.plain,
    transparent: first('transparent', (v) => FLAG_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.transparent,
    print: first('print', (v) => FLAG_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.print,
    cite: first('cite', (v) => FLAG_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.cite,
    langLink: first('langlink', (v) => FLAG_VALUES[v]) ?? DEFAULT_EMBED_OPTIONS.langLink,
  };
}

export function embedQuery(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) params.set('theme', options.theme);
  if (options.showTitle !== DEFAULT_EMBED_OPTIONS.showTitle) params.set('title', options.showTitle ? '1' : '0');
  if (options.plain !== DEFAULT_EMBED_OPTIONS.plain) params.set('plain', options.plain ? '1' : '0');
  if (options.transparent !== DEFAULT_EMBED_OPTIONS.transparent)
    params.set('transparent', options.transparent ? '1' : '0');
  for (const [param, key] of Object.entries(EXTRA_FLAGS))
    if (options[key] !== DEFAULT_EMBED_OPTIONS[key]) params.set(param, options[key] ? '1' : '0');
  const query = params.toString();
  return query ? `?${query}` : '';
}
