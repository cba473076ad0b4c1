/**
 * Design tokens shared by the charts (build time) and the page CSS (via scripts that emit
 * CSS custom properties), so both always agree. Okabe–Ito hues: safe for colour-blind readers.
 */
export const palette = {
  ink: '#1a1a1a',
  muted: '#595959',
  faint: '#d9d9d9',
  grid: '#ececec',
  background: '#ffffff',
  actual2024: '#6b6b6b',
  raised: '#0072b2',
  lowered: '#c0470b',
  held: '#007a5a',
  notComparable: '#8a6d00',
  accent: '#0072b2',
  neighbourFill: '#f4f4f4',
  neighbourStroke: '#c8c8c8',
  river: '#5b9bd5',
  riverLabel: '#2f6fa8',
} as const;

/** System CJK fonts only: no web fonts are shipped. */
export const fontStack =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Chart text never drops below this size at the width it is drawn for. */
export const chartFontSize = 13;

/** The widths every chart is prerendered at: phones, and the desktop graphic column. */
export const chartWidths = { narrow: 328, wide: 600 } as const;
export type ChartVariant = keyof typeof chartWidths;
