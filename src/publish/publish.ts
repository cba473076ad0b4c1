import type { Topology } from 'topojson-specification';
import type { Dataset } from '../data/types';
import { contentByLang } from '../content';
import { charts } from '../charts/registry';
import { citationCff } from '../data/citation';
import { publishedMetricsJson } from '../data/rows';
import { buildImages } from './build-images';
import { chartMetadata, datasetFiles } from './downloads';
import { oembedFor } from './oembed';
import { chartRoutes, imageRoutes } from '../routes/routes';
import type { SiteUrl } from './site-url';

/** Extra height of an embed page around its chart's framed print image (downloads, links), in px. */
const EMBED_CHROME_HEIGHT = 120;

/**
 * Everything dist/ holds besides what renderSite returns: share cards, print images and posters, oEmbed
 * files, the data package and its ZIP, each chart's metadata. Called from the plugin's generateBundle.
 */
export async function emitPublishFiles(input: {
  dataset: Dataset;
  geo: Topology;
  site: SiteUrl;
  /** The data files as they are (the package ships them unchanged). */
  raw: { metricsJson: string; schemaJson: string; topojson: string };
  emit: (fileName: string, source: string | Uint8Array) => void;
  log?: (line: string) => void;
}): Promise<{ imageSeconds: number; images: number }> {
  const { dataset, geo, site, emit } = input;
  const started = performance.now();
  const images = await buildImages({ dataset, geo, content: contentByLang, site });
  const imageSeconds = (performance.now() - started) / 1000;
  (input.log ?? ((line) => process.stdout.write(`${line}\n`)))(
    `share and print images: ${images.length} PNGs in ${imageSeconds.toFixed(1)} s`,
  );
  const byName = new Map(images.map((image) => [image.fileName, image]));
  for (const image of images) emit(image.fileName, image.source);

  for (const chart of charts) {
    emit(
      chartRoutes.metadata(chart.id),
      `${JSON.stringify(chartMetadata(chart, dataset, geo, contentByLang, site), null, 2)}\n`,
    );
    for (const lang of ['zh', 'en'] as const) {
      const thumbnail = byName.get(imageRoutes.chartShare(chart.id, lang))!;
      const print = byName.get(imageRoutes.print(chart.id, lang, 'light', 1))!;
      const response = oembedFor({
        site,
        chartId: chart.id,
        lang,
        title: contentByLang[lang].charts[chart.id]!.title,
        providerName: contentByLang[lang].share.projectName,
        height: print.height + EMBED_CHROME_HEIGHT,
        thumbnail: { path: thumbnail.fileName, width: thumbnail.width, height: thumbnail.height },
      });
      emit(chartRoutes.oembed(chart.id, lang), `${JSON.stringify(response, null, 2)}\n`);
    }
  }

  const raw = {
    ...input.raw,
    metricsJson: publishedMetricsJson(input.raw.metricsJson, dataset),
    citationCff: citationCff(dataset, contentByLang),
  };
  for (const file of datasetFiles({ dataset, geo, content: contentByLang, site, raw }))
    emit(file.fileName, file.source);
  return { imageSeconds, images: images.length };
}
