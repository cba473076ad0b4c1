import { MAX_WIDTH_RANGE } from './embed-code';
import { EXTRA_FLAGS, parseEmbedOptions, type EmbedOptions } from './options';
import type { Lang } from '../data/types';

/** Preview widths the desk offers: a phone, a tablet, the full column. */
export const DEVICE_WIDTHS: Record<string, number | null> = { phone: 375, tablet: 768, full: null };

export interface DeskChoice {
  lang: Lang;
  options: EmbedOptions;
  maxWidth: number | undefined;
  device: keyof typeof DEVICE_WIDTHS;
}

/** The form's values, each through the same parser as an embed page's URL; absent fields keep defaults. */
export function readDeskForm(data: FormData): DeskChoice {
  const lang: Lang = data.get('lang') === 'en' ? 'en' : 'zh';
  const value = (name: string) => encodeURIComponent(String(data.get(name) ?? ''));
  const flag = (name: string) => (data.get(name) === null ? '' : value(name));
  const extras = Object.keys(EXTRA_FLAGS)
    .map((param) => `&${param}=${flag(param)}`)
    .join('');
  const options = parseEmbedOptions(
    `?theme=${value('theme')}&title=${value('title')}&plain=${flag('plain')}&transparent=${flag('transparent')}${extras}`,
  );
  const rawWidth = Number(data.get('maxwidth'));
  const maxWidth =
    Number.isFinite(rawWidth) && rawWidth >= MAX_WIDTH_RANGE.min && rawWidth <= MAX_WIDTH_RANGE.max
      ? Math.round(rawWidth)
      : undefined;
  const device = String(data.get('device') ?? 'full');
  return { lang, options, maxWidth, device: device in DEVICE_WIDTHS ? device : 'full' };
}
