import { palette, palettes, type PaletteKey, type Theme } from './tokens';

const cssName = (key: string) => `--c-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

function declarations(theme: Theme): string {
  return Object.entries(palettes[theme])
    .map(([key, value]) => `${cssName(key)}:${value}`)
    .join(';');
}

/**
 * The charts are drawn with the light palette's colours as attributes, so that a downloaded SVG,
 * a share image and any browser show them right. On the page, each of those colours is mapped to
 * its custom property, which the theme sets: the same mark gets its own hue's dark variant.
 * Keys sharing a light colour (raised and accent) share a dark one too (a unit test checks).
 */
function chartColourRules(): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const [key, value] of Object.entries(palette) as Array<[PaletteKey, string]>) {
    if (seen.has(value)) continue;
    seen.add(value);
    rules.push(
      `.chart-svg [fill="${value}" i]{fill:var(${cssName(key)})}`,
      `.chart-svg [stroke="${value}" i]{stroke:var(${cssName(key)})}`,
    );
  }
  // Plot writes the root's colours as an inline style; the theme must win over it.
  rules.push('.chart-svg svg{background:var(--c-background)!important;color:var(--c-ink)!important}');
  return rules.join('');
}

/**
 * The tokens as CSS: light by default; dark when the page says so (data-theme="dark") or, when it
 * does not choose (no data-theme, or "auto"), when the reader's system prefers dark.
 */
export function themeCss(): string {
  const dark = `${declarations('dark')};color-scheme:dark`;
  return (
    `:root{${declarations('light')};color-scheme:light}` +
    `:root[data-theme="dark"]{${dark}}` +
    `@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){${dark}}}` +
    chartColourRules()
  );
}

/** The light colour → the theme's colour, for recolouring a chart outside the page (PNG export). */
export function colourMap(theme: Theme): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(palette) as Array<[PaletteKey, string]>) {
    if (!map.has(value.toLowerCase())) map.set(value.toLowerCase(), palettes[theme][key]);
  }
  return map;
}

/** Recolours an SVG (a detached copy) in place for a theme: attributes and the root's style. */
export function applyTheme(svg: Element, theme: Theme): void {
  if (theme === 'light') return;
  const map = colourMap(theme);
  for (const element of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const name of ['fill', 'stroke']) {
      const value = element.getAttribute(name)?.toLowerCase();
      const mapped = value ? map.get(value) : undefined;
      if (mapped) element.setAttribute(name, mapped);
    }
  }
  const style = svg.getAttribute('style') ?? '';
  svg.setAttribute('style', `${style};background:${palettes[theme].background};color:${palettes[theme].ink}`);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
