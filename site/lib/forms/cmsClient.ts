/**
 * The public server's calls into the CMS: only the public-forms endpoints, with the least-privilege
 * key. Short timeouts: when the CMS is down, a submission goes to the outbox instead.
 */
export type CmsResult = { ok: true; status: number; body: Record<string, any> } | { ok: false; status: number; body: Record<string, any> } | { ok: false; status: 0; body: null; unreachable: true }

export const cmsUrl = () => (process.env.CMS_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '')

export async function callCms(path: 'submit' | 'track' | 'feedback', body: unknown, timeoutMs = 8000): Promise<CmsResult> {
  let res: Response
  try {
    res = await fetch(`${cmsUrl()}/api/public-forms/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-public-form-key': process.env.PUBLIC_FORM_KEY ?? '' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch {
    return { ok: false, status: 0, body: null, unreachable: true }
  }
  let parsed: Record<string, any> = {}
  try {
    parsed = (await res.json()) as Record<string, any>
  } catch {}
  if (res.status >= 500) return { ok: false, status: 0, body: null, unreachable: true }
  return { ok: res.ok, status: res.status, body: parsed } as CmsResult
}
