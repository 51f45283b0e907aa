/**
 * Response headers of the public site. The site needs almost no script: two small inline scripts
 * (large-text mode) whose hashes the build writes to `<release>/csp.json`, the search page's own
 * file, and Pagefind's WebAssembly. Styles are inlined by the build and the statistics charts are
 * SVG with style attributes, so styles keep 'unsafe-inline' (no script can run from a style).
 * HSTS is set by the TLS proxy (deploy/nginx), which knows the site is served over HTTPS.
 */
export function securityHeaders(scriptHashes: string[]): Record<string, string> {
  const script = ["'self'", "'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' ')
  return {
    'content-security-policy': [
      "default-src 'self'",
      `script-src ${script}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; '),
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-opener-policy': 'same-origin',
  }
}

/** Hashed build assets never change under their name; everything else is revalidated (a publish shows at once). */
export function cacheControlFor(pathname: string): string {
  if (pathname.startsWith('/_astro/') || /^\/pagefind\/(fragment|index|filter)\//.test(pathname) || /^\/pagefind\/.*\.[0-9a-f]{8,}\./.test(pathname)) return 'public, max-age=31536000, immutable'
  if (/^\/(favicon\.(ico|svg)|apple-touch-icon\.png)$/.test(pathname)) return 'public, max-age=86400'
  return 'no-cache'
}
