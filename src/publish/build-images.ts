import { parseHTML } from 'linkedom';
import { imageRoutes, route } from '../routes/routes';
import type { Topology } from 'topojson-specification';
import type { Dataset, Lang } from '../data/types';
import type { StoryContent } from '../content/types';
import type { ChartModule } from '../charts/types';
import { charts as registeredCharts, renderChart } from '../charts/registry';
import { chartWidths } from '../design/tokens';
import { charactersOf, findCjkFonts, subsetFontFiles, type CjkFonts } from './fonts';
import {
  IMAGE_THEMES,
  prepareChart,
  printImageSvg,
  renderPng,
  SHARE_HEIGHT,
  SHARE_WIDTH,
  type FramedImage,
  type PreparedChart,
} from './share-images';
import { chartCard, headlineCardImage, storyCard } from './headline-card';
import { posterSvg } from './poster';
import { absoluteUrl, type SiteUrl } from './site-url';

export interface BuiltImage {
  fileName: string;
  source: Buffer;
  width: number;
  height: number;
}

interface Job {
  fileName: string;
  image: FramedImage;
  zoom: number;
  /** What to name when it fails. */
  what: string;
  expect?: { width: number; height: number };
}

/** The chart whose card stands for the whole story: the first one the story shows. */
function storyShareChart(content: StoryContent): string {
  for (const block of content.blocks) {
    if (block.type === 'scrolly' && block.steps[0]) return block.steps[0].chart;
    if (block.type === 'chart') return block.chart;
  }
  throw new Error(`content (${content.lang}) shows no chart to put on the story's share card`);
}

/** Renders one chart for an image; a chart that cannot be drawn stops the build, named. */
export function preparedChart(
  chart: ChartModule,
  dataset: Dataset,
  geo: Topology,
  content: StoryContent,
  width: number = chartWidths.wide,
): PreparedChart {
  try {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const title = content.charts[chart.id]!.title;
    const svg = renderChart(
      chart,
      { dataset, geo },
      { width, lang: content.lang, document: document as unknown as Document, text: content.chartText, title },
    );
    return prepareChart(svg);
  } catch (error) {
    throw new Error(
      `share image for chart "${chart.id}" (${content.lang}) could not be drawn: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Every build-time image: a share card per story and per chart in each language, print images per
 * chart, language and theme at 1× and 2×, and the poster per language. All text is set in
 * Noto Sans CJK SC (subset once to the characters used); a missing font or a failing chart stops the build.
 */
export async function buildImages(input: {
  dataset: Dataset;
  geo: Topology;
  content: Record<Lang, StoryContent>;
  site: SiteUrl;
  fonts?: CjkFonts;
  charts?: readonly ChartModule[];
}): Promise<BuiltImage[]> {
  const { dataset, geo, content, site } = input;
  const fonts = input.fonts ?? findCjkFonts();
  const charts = input.charts ?? registeredCharts;
  const jobs: Job[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const copy = content[lang];
    const credit = `${copy.share.credit} · ${site.href}`;
    for (const chart of charts) {
      const prepared = preparedChart(chart, dataset, geo, copy);
      const { title, subtitle } = copy.charts[chart.id]!;
      const what = `chart "${chart.id}" (${lang})`;
      // A headline, not a thumbnail: the chart's computed finding and a few of its rows (headline-card.ts).
      jobs.push({
        fileName: imageRoutes.chartShare(chart.id, lang),
        image: headlineCardImage(chartCard(chart.id, dataset, geo, copy)),
        zoom: 1,
        what,
        expect: { width: SHARE_WIDTH, height: SHARE_HEIGHT },
      });
      if (chart.id === storyShareChart(copy)) {
        jobs.push({
          fileName: imageRoutes.storyShare(lang),
          image: headlineCardImage(storyCard(dataset, copy)),
          zoom: 1,
          what: `the ${lang} story`,
          expect: { width: SHARE_WIDTH, height: SHARE_HEIGHT },
        });
        const poster = await posterSvg({
          dataset,
          content: copy,
          chart: prepared,
          storyUrl: absoluteUrl(site, route('story', lang)),
        });
        jobs.push({
          fileName: imageRoutes.poster(lang),
          image: poster,
          zoom: 1,
          what: `the ${lang} poster`,
          expect: { width: poster.width, height: poster.height },
        });
      }
      for (const theme of IMAGE_THEMES) {
        const framed = printImageSvg(prepared, { title, subtitle, credit }, theme);
        for (const scale of [1, 2] as const) {
          jobs.push({
            fileName: imageRoutes.print(chart.id, lang, theme, scale),
            image: framed,
            zoom: scale,
            what,
            expect: { width: framed.width * scale, height: framed.height * scale },
          });
        }
      }
    }
  }
  const subsets = subsetFontFiles(fonts, charactersOf(jobs.map((job) => job.image.text)));
  try {
    return await Promise.all(jobs.map((job) => renderJob(job, subsets.files)));
  } finally {
    // The subsets live in a temporary folder of their own: remove it, rendered or not.
    subsets.remove();
  }
}

async function renderJob(job: Job, fontFiles: string[]): Promise<BuiltImage> {
  let rendered: { png: Buffer; width: number; height: number };
  try {
    rendered = await renderPng(job.image.svg, fontFiles, job.zoom);
  } catch (error) {
    throw new Error(`image ${job.fileName} for ${job.what} could not be rendered: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (job.expect && (rendered.width !== job.expect.width || rendered.height !== job.expect.height)) {
    throw new Error(
      `image ${job.fileName} for ${job.what} came out ${rendered.width}×${rendered.height}, not ${job.expect.width}×${job.expect.height}`,
    );
  }
  return { fileName: job.fileName, source: rendered.png, width: rendered.width, height: rendered.height };
}
