// The paste screen's two calls (admins only): POST /api/holidays/schedule/preview and
// POST /api/holidays/schedule/confirm, both with JSON { year, text }.
import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles'
import { HolidayNoticeError } from '../domain/holidayNotice'
import { confirmSchedule, previewSchedule } from './schedule'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

async function input(req: PayloadRequest): Promise<{ year: number; text: string; source?: string } | Response> {
  if (!hasRole(req.user, 'admin')) return json(403, { ok: false, message: '只有管理员可以录入节假日安排。' })
  let body: Record<string, unknown> | null = null
  try {
    body = ((await req.json?.()) as Record<string, unknown>) ?? null
  } catch {
    body = null
  }
  if (!body) return json(400, { ok: false, message: '请求内容无法读取，请刷新页面后重试。' })
  const year = Number(body.year)
  const text = typeof body.text === 'string' ? body.text.slice(0, 50_000) : ''
  return { year, text, source: typeof body.source === 'string' ? body.source : undefined }
}

export const holidayScheduleEndpoints: Endpoint[] = [
  {
    path: '/schedule/preview',
    method: 'post',
    handler: async (req) => {
      const i = await input(req)
      if (i instanceof Response) return i
      const result = await previewSchedule(req, i.text, i.year)
      return json(result.ok ? 200 : 422, result)
    },
  },
  {
    path: '/schedule/confirm',
    method: 'post',
    handler: async (req) => {
      const i = await input(req)
      if (i instanceof Response) return i
      try {
        const result = await confirmSchedule(req, i.text, i.year, i.source)
        return json(200, { ok: true, ...result })
      } catch (err) {
        if (err instanceof HolidayNoticeError) return json(422, { ok: false, problems: err.problems, message: err.message })
        throw err
      }
    },
  },
]
