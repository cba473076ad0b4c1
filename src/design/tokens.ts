/**
 * Design tokens shared by the charts (build time) and the page CSS (as custom properties), so
 * both always agree. Hues are Okabe–Ito's, safe for colour-blind readers, in both themes: the
 * dark palette lightens each hue for a dark background, it never swaps hues.
 */
export const palette = {
  ink: '#1a1a1a',
  muted: '#595959',
  faint: '#d9d9d9',
  grid: '#ececec',
  background: '#ffffff',
  /** Cards, panels and tooltips that sit over the page. */
  surface: '#ffffff',
  /** Text drawn on a coloured mark (a value inside a bar). */
  onMark: '#ffffff',
  actual2024: '#6b6b6b',
  raised: '#0072b2',
  lowered: '#c0470b',
  held: '#007a5a',
  notComparable: '#8a6d00',
  accent: '#0072b2',
  neighbourFill: '#f4f4f4',
  neighbourStroke: '#c8c8c8',
  river: '#4a8cc7',
  riverLabel: '#2f6fa8',
  /** The annotated report's highlighted figures, and the one a link points at; ink text on both. */
  highlight: '#fff1b8',
  highlightCurrent: '#ffd23f',
} as const;

export type PaletteKey = keyof typeof palette;
export type Theme = 'light' | 'dark';

const darkPalette: Record<PaletteKey, string> = {
  ink: '#ececec',
  muted: '#b0b0b0',
  faint: '#444444',
  grid: '#2c2c2c',
  background: '#161616',
  surface: '#222222',
  onMark: '#161616',
  actual2024: '#a3a3a3',
  raised: '#56b4e9',
  lowered: '#f08a4b',
  held: '#2fbf94',
  notComparable: '#e2c14a',
  accent: '#56b4e9',
  neighbourFill: '#242424',
  neighbourStroke: '#4d4d4d',
  river: '#3f86c4',
  riverLabel: '#8cc4f0',
  highlight: '#4a3b00',
  highlightCurrent: '#7a5c00',
};

export const palettes: Record<Theme, Record<PaletteKey, string>> = { light: palette, dark: darkPalette };

/** Which colours carry text (need 4.5:1 against the background) and which only marks (3:1). */
export const TEXT_COLOURS: PaletteKey[] = [
  'ink',
  'muted',
  'actual2024',
  'raised',
  'lowered',
  'held',
  'notComparable',
  'accent',
  'riverLabel',
];
export const MARK_COLOURS: PaletteKey[] = ['river'];

/** System CJK fonts only: no web fonts are shipped. */
export const fontStack =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Chart text never drops below this size at the width it is drawn for. */
export const chartFontSize = 13;

/** The widths every chart is prerendered at: phones, and the desktop graphic column. */
export const chartWidths = { narrow: 328, wide: 600 } as const;
export type ChartVariant = keyof typeof chartWidths;
