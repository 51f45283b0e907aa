/**
 * The public server's calls into the CMS: only the public-forms endpoints, with the least-privilege
 * key. Short timeouts: when the CMS is down, a submission goes to the outbox instead.
 */
export type CmsResult =
  | { ok: true; status: number; body: Record<string, any> }
  | { ok: false; status: number; body: Record<string, any> }
  | { ok: false; status: 0; body: null; unreachable: true }

export type CmsClient = { url: string; call(path: 'submit' | 'track' | 'feedback', body: unknown, timeoutMs?: number): Promise<CmsResult> }

export function createCmsClient({ url, key }: { url: string; key: string }): CmsClient {
  const base = url.replace(/\/$/, '')
  return {
    url: base,
    async call(path, body, timeoutMs = 8000) {
      let res: Response
      try {
        res = await fetch(`${base}/api/public-forms/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-public-form-key': key },
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
    },
  }
}

/** What a CMS answer to a forwarded submission means for the queued file. */
export type CmsVerdict = 'stored' | 'refused' | 'auth' | 'config' | 'key' | 'unreachable' | 'retry'

export function verdictOf(res: CmsResult): CmsVerdict {
  if (res.ok) return 'stored'
  if (res.status === 0) return 'unreachable'
  // Only a definite refusal of this submission's content (the CMS said which rule it broke).
  if ((res.status === 422 && res.body?.code === 'invalid') || (res.status === 400 && res.body?.code === 'bad_request')) return 'refused'
  if (res.status === 401 || res.status === 403) return 'auth'
  if (res.status === 409 && res.body?.code === 'unsealable') return 'key'
  if (res.status === 404 || res.status === 405 || res.status === 400 || res.status === 422) return 'config'
  return 'retry'
}
