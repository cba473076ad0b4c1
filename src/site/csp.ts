/**
 * The Content-Security-Policy every page carries as a meta tag, so it holds on any static host.
 * No inline scripts and no eval; inline styles are allowed because Plot's SVGs carry <style>.
 * frame-ancestors cannot be set from a meta tag (embeds are meant to be framed anyway).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
