import type { Plugin } from 'vite';
import type { OutputAsset } from 'rolldown';
import { loadDataset } from '../data/load-node';
import { contentByLang } from '../content';
import { renderDocument } from './render-document';
import type { Dataset, Lang } from '../data/types';

function langOf(filename: string): Lang {
  return /[\\/]en[\\/]index\.html$/.test(filename) ? 'en' : 'zh';
}

/**
 * Prerenders the story into index.html and en/index.html at build (and dev) time.
 * The dataset is validated first: a malformed one stops the build naming file, id and field.
 */
export function storyPlugin(): Plugin {
  let dataset: Dataset | undefined;
  const load = () => (dataset ??= loadDataset());
  return {
    name: 'gaoping-story',
    buildStart() {
      dataset = undefined;
      load();
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const lang = langOf(ctx.filename);
        const page = renderDocument(load(), contentByLang[lang]);
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
