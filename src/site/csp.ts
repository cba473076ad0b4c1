import { MODULE_LOADER_CSP_SOURCE } from './module-loader';

/**
 * The Content-Security-Policy every page carries as a meta tag, so it holds on any static host.
 * No eval, and one inline script only, allowed by its hash: the loader that starts the module scripts
 * after the first paint (src/site/module-loader.ts). Inline styles are allowed because Plot's SVGs
 * carry <style>.
 * frame-ancestors cannot be set from a meta tag (embeds are meant to be framed anyway).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${MODULE_LOADER_CSP_SOURCE}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
