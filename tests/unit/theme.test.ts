import { describe, expect, it } from 'vitest';
import { palette, palettes, TEXT_COLOURS, MARK_COLOURS, type PaletteKey, type Theme } from '../../src/design/tokens';
import { applyTheme, colourMap, contrastRatio, themeCss } from '../../src/design/theme';
import { toXml } from '../../src/dom/html';
import { charts } from '../../src/charts/registry';
import { renderForTest } from '../support/render';

const THEMES: Theme[] = ['light', 'dark'];

describe('colours in both themes', () => {
  it.each(THEMES)('%s: text colours reach 4.5:1 and mark colours 3:1 against the page and the cards', (theme) => {
    const colours = palettes[theme];
    const failing: string[] = [];
    for (const ground of ['background', 'surface'] as PaletteKey[]) {
      for (const key of TEXT_COLOURS)
        if (contrastRatio(colours[key], colours[ground]) < 4.5)
          failing.push(`${key} on ${ground}: ${contrastRatio(colours[key], colours[ground]).toFixed(2)}`);
      for (const key of MARK_COLOURS)
        if (contrastRatio(colours[key], colours[ground]) < 3)
          failing.push(`${key} on ${ground}: ${contrastRatio(colours[key], colours[ground]).toFixed(2)}`);
    }
    // Values written inside bars sit on the bar's own colour.
    for (const bar of ['raised', 'lowered', 'actual2024'] as PaletteKey[]) {
      if (contrastRatio(colours.onMark, colours[bar]) < 4.5)
        failing.push(`onMark on ${bar}: ${contrastRatio(colours.onMark, colours[bar]).toFixed(2)}`);
    }
    // The report's highlighted figures are ink on the highlight (and on the current one's).
    for (const ground of ['highlight', 'highlightCurrent'] as PaletteKey[]) {
      if (contrastRatio(colours.ink, colours[ground]) < 4.5)
        failing.push(`ink on ${ground}: ${contrastRatio(colours.ink, colours[ground]).toFixed(2)}`);
    }
    expect(failing).toEqual([]);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps the hues: every dark colour of a chart hue is the same hue family, only lighter', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const d = max - min;
      if (d === 0) return 0;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const key of ['raised', 'lowered', 'held', 'notComparable', 'accent'] as PaletteKey[]) {
      const shift = Math.abs(hue(palette[key]) - hue(palettes.dark[key]));
      expect(Math.min(shift, 360 - shift), key).toBeLessThan(25);
    }
  });

  it('gives colours that share a light value one dark value, so mapping by colour is unambiguous', () => {
    const chartKeys = (Object.keys(palette) as PaletteKey[]).filter((key) => key !== 'surface');
    for (const a of chartKeys)
      for (const b of chartKeys) {
        if (palette[a].toLowerCase() === palette[b].toLowerCase())
          expect(palettes.dark[a], `${a} / ${b}`).toBe(palettes.dark[b]);
      }
  });

  it('draws every chart only in palette colours, so the dark theme reaches every mark', () => {
    const light = new Set(Object.values(palette).map((c) => c.toLowerCase()));
    const allowed = new Set([...light, 'none', 'currentcolor', 'transparent']);
    for (const chart of charts) {
      const svg = renderForTest(chart.id, 'zh', 600);
      const used = [svg, ...Array.from(svg.querySelectorAll('*'))].flatMap((el) =>
        ['fill', 'stroke']
          .map((name) => el.getAttribute(name)?.toLowerCase())
          .filter((v): v is string => !!v && !v.startsWith('url(')),
      );
      expect(
        used.filter((colour) => !allowed.has(colour)),
        chart.id,
      ).toEqual([]);
    }
  });

  it('recolours an exported chart into the dark palette, and the CSS maps the same colours', () => {
    const svg = renderForTest('headline-targets', 'en', 600);
    applyTheme(svg, 'dark');
    const markup = toXml(svg);
    expect(markup).not.toMatch(new RegExp(`"${palette.raised}"`, 'i'));
    expect(markup).toContain(`"${palettes.dark.raised}"`);
    const css = themeCss();
    for (const [light] of colourMap('dark')) expect(css).toContain(`[fill="${light}" i]`);
    expect(css).not.toContain('invert(');
  });
});
