import { parseHTML } from 'linkedom';

/**
 * A fresh linkedom document to build a page, a fragment or an image in (build time only: browser
 * code builds in its own window.document, so this module stays out of client bundles).
 */
export function newDocument(html = '<!doctype html><html><head></head><body></body></html>'): Document {
  return parseHTML(html).document as unknown as Document;
}
