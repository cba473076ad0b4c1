import { describe, expect, it } from 'vitest';
import { parseEmbedOptions, embedQuery, DEFAULT_EMBED_OPTIONS } from '../../src/embed/options';
import { isEmbedSizeMessage } from '../../src/embed/host';
import { embedCode } from '../../src/embed/embed-code';
import { newDocument } from '../../src/site/html-document';
import { hostileQueries } from '../support/fuzz';

describe('embed URL options', () => {
  it('read the documented values', () => {
    expect(parseEmbedOptions('?theme=dark&title=0')).toEqual({
      ...DEFAULT_EMBED_OPTIONS,
      theme: 'dark',
      showTitle: false,
    });
    expect(parseEmbedOptions('?theme=AUTO&title=true')).toEqual({
      ...DEFAULT_EMBED_OPTIONS,
      theme: 'auto',
      showTitle: true,
    });
    expect(parseEmbedOptions('?theme=<b>&theme=dark')).toEqual({
      ...DEFAULT_EMBED_OPTIONS,
      theme: 'dark',
      showTitle: true,
    });
    expect(parseEmbedOptions('?plain=1&transparent=true')).toEqual({
      ...DEFAULT_EMBED_OPTIONS,
      plain: true,
      transparent: true,
    });
    expect(parseEmbedOptions('?plain=yes&transparent=<b>')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(parseEmbedOptions('')).toEqual(DEFAULT_EMBED_OPTIONS);
  });

  it('fall back to the defaults for 2000 hostile query strings, never throwing', () => {
    for (const query of hostileQueries(2000, 7)) {
      const options = parseEmbedOptions(query);
      expect(['light', 'dark', 'auto']).toContain(options.theme);
      expect(typeof options.showTitle).toBe('boolean');
      expect(typeof options.plain).toBe('boolean');
      expect(typeof options.transparent).toBe('boolean');
    }
  });

  it('round-trip through the query the desk writes', () => {
    for (const theme of ['light', 'dark', 'auto'] as const) {
      for (const showTitle of [true, false]) {
        for (const plain of [true, false]) {
          for (const transparent of [true, false]) {
            for (const extra of [false, true]) {
              const options = { theme, showTitle, plain, transparent, print: extra, cite: !extra, langLink: extra };
              expect(parseEmbedOptions(embedQuery(options))).toEqual(options);
            }
          }
        }
      }
    }
  });

  it('read the extra render flags (print images, citation, language link), off by default', () => {
    expect(parseEmbedOptions('')).toMatchObject({ print: false, cite: false, langLink: false });
    expect(parseEmbedOptions('?print=1&cite=1&langlink=1')).toMatchObject({ print: true, cite: true, langLink: true });
    expect(embedQuery({ ...DEFAULT_EMBED_OPTIONS, cite: true })).toBe('?cite=1');
  });

  it('write valid embed HTML: no percentage width attribute, no obsolete scrolling attribute, max-width clamped', () => {
    const code = embedCode(newDocument(), 'https://x/', 'fdi-annotated', 'zh', DEFAULT_EMBED_OPTIONS, 't');
    expect(code).not.toMatch(/\swidth="/);
    expect(code).not.toContain('scrolling=');
    expect(code).toMatch(/height="\d+"/);
    expect(
      embedCode(newDocument(), 'https://x/', 'fdi-annotated', 'zh', DEFAULT_EMBED_OPTIONS, 't', 500, 640),
    ).toContain('max-width:640px');
    expect(
      embedCode(newDocument(), 'https://x/', 'fdi-annotated', 'zh', DEFAULT_EMBED_OPTIONS, 't', 500, 50),
    ).toContain('max-width:280px');
  });

  it('escape the title in embed code', () => {
    expect(
      embedCode(newDocument(), 'https://x/', 'fdi-annotated', 'zh', DEFAULT_EMBED_OPTIONS, '"><script>'),
    ).toContain('title="&quot;&gt;&lt;script&gt;"');
  });
});

describe('height messages the loader accepts', () => {
  it('only {sentinel: "amp", type: "embed-size", height: finite number within bounds}', () => {
    expect(isEmbedSizeMessage({ sentinel: 'amp', type: 'embed-size', height: 480 })).toBe(true);
    for (const bad of [
      null,
      undefined,
      'pymxPYMxidxPYMxheightxPYMx480',
      [480],
      { sentinel: 'amp', type: 'embed-size' },
      { sentinel: 'amp', type: 'embed-size', height: '480' },
      { sentinel: 'amp', type: 'embed-size', height: Number.NaN },
      { sentinel: 'amp', type: 'embed-size', height: Infinity },
      { sentinel: 'amp', type: 'embed-size', height: -1 },
      { sentinel: 'amp', type: 'embed-size', height: 1e7 },
      { sentinel: 'pym', type: 'embed-size', height: 480 },
    ]) {
      expect(isEmbedSizeMessage(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
