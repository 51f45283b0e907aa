/**
 * Where staff reach the CMS: `CMS_SERVER_URL` (e.g. https://cms.example.gov.cn). Password-reset
 * links are built from it (never from the request's Host header, which a caller can forge), the
 * CSRF/CORS allow-lists hold its origin only, and cookies are `Secure` when it is https. Without it
 * (a developer machine) the admin's local addresses on CMS_PORT are used.
 */
export function cmsServerUrl(): string {
  const configured = process.env.CMS_SERVER_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  return `http://localhost:${process.env.CMS_PORT ?? 3000}`
}

/** The origins allowed to send cookie-authenticated requests (the admin's own origin, nothing else). */
export function cmsOrigins(): string[] {
  const configured = process.env.CMS_SERVER_URL?.trim()
  const extra = (process.env.CMS_EXTRA_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (configured) return [...new Set([new URL(configured).origin, ...extra])]
  const port = process.env.CMS_PORT ?? 3000
  return [...new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra])]
}

export const servedOverHttps = () => cmsServerUrl().startsWith('https://')
