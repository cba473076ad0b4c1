import type { Plugin } from 'vite';
import type { OutputAsset } from 'rolldown';
import { loadDataset } from '../data/load-node';
import { contentByLang } from '../content';
import { renderDocument } from './render-document';
import type { Dataset, Lang } from '../data/types';
import type { Topology } from 'topojson-specification';
import { loadTopology, DEFAULT_TOPOLOGY_PATH } from '../geo/load-node';
import { townCodes } from '../geo/town-codes';
import { DatasetError, findPlaceProblems } from '../data/validate';
import { DEFAULT_DATASET_PATH } from '../data/load-node';

function langOf(filename: string): Lang {
  return /[\\/]en[\\/]index\.html$/.test(filename) ? 'en' : 'zh';
}

/** The dataset and the map, checked on their own and against each other. */
function loadInputs(): { dataset: Dataset; geo: Topology } {
  const dataset = loadDataset();
  const geo = loadTopology();
  const relative = (path: string) => path.replace(process.cwd() + '/', '');
  const problems = findPlaceProblems(dataset, relative(process.env.METRICS_FILE ?? DEFAULT_DATASET_PATH), townCodes(geo), relative(process.env.GEO_FILE ?? DEFAULT_TOPOLOGY_PATH));
  if (problems.length > 0) throw new DatasetError(problems);
  return { dataset, geo };
}

/**
 * Prerenders the story into index.html and en/index.html at build (and dev) time.
 * The dataset is validated first: a malformed one stops the build naming file, id and field.
 */
export function storyPlugin(): Plugin {
  let inputs: { dataset: Dataset; geo: Topology } | undefined;
  const load = () => (inputs ??= loadInputs());
  return {
    name: 'gaoping-story',
    buildStart() {
      inputs = undefined;
      load();
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const lang = langOf(ctx.filename);
        const { dataset, geo } = load();
        const page = renderDocument(dataset, contentByLang[lang], geo);
        return html
          .replace(/<html lang="[^"]*">/, `<html lang="${page.lang}">`)
          .replace('<!--story:head-->', page.head)
          .replace('<!--story:body-->', page.body);
      },
    },
  };
}

/**
 * Inlines the story's small stylesheet into each page: one round trip fewer before first paint,
 * which is most of the LCP budget on a throttled phone.
 */
export function inlineCssPlugin(): Plugin {
  return {
    name: 'gaoping-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (tag, href: string) => {
          const fileName = href.replace(/^(\.\.?\/)+/, '');
          const asset = ctx.bundle![fileName] as OutputAsset | undefined;
          if (!asset || asset.type !== 'asset') return tag;
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}
