/**
 * The portal's Content-Security-Policy: everything from its own origin only, and no inline script or
 * style. `default-src 'self'` is all the elements need (docs/widgets.md: their styles are constructable
 * stylesheets and sizes are set through the CSSOM, so `style-src 'self'` without `'unsafe-inline'`
 * holds); the pages load their scripts and styles as files and fetch JSON from the same origin.
 * `base-uri` and `frame-ancestors` do not fall back to `default-src`, so they are closed explicitly.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers sent with every response, pages and JSON alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};
