import { describe, expect, it } from 'vitest'
import { formatErrors } from 'payload'
import { refusal } from '../../cms/hooks/refuse'
import { wasRefusal } from '../../cms/domain/errors'

// What the admin receives for a refusal: the rule's text as the message (the toast), and for a field
// refusal the field's path with the same text (the admin marks the field and shows it under it).
describe('refusal (the single error path)', () => {
  const cases: { name: string; message: string; place: Parameters<typeof refusal>[1]; status: number; field: string | null }[] = [
    { name: 'a toast refusal', message: '名单尚未完整导入（或导入失败），不能发布。请重新导入。', place: {}, status: 400, field: null },
    { name: 'a conflict keeps its status', message: '这份名单撤回时已删除全部明细，不能重新发布。', place: { status: 409 }, status: 409, field: null },
    { name: 'a field refusal', message: '答复前请填写答复内容（至少4个字，会向群众公开）。', place: { field: 'publicReply', collection: 'complaints' }, status: 400, field: 'publicReply' },
    { name: 'a nested field', message: '张贴日期不对。', place: { field: 'entries.2.name', collection: 'notices' }, status: 400, field: 'entries.2.name' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const err = refusal(c.message, c.place) as Error & { status: number; isPublic: boolean }
      expect(err.message).toBe(c.message)
      expect(err.status).toBe(c.status)
      expect(err.isPublic).toBe(true)
      expect(wasRefusal(c.message)).toBe(true)
      const body = formatErrors(err as never) as { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }
      expect(body.errors[0].message).toBe(c.message)
      expect(JSON.stringify(body)).not.toContain('unknown error')
      if (c.field) expect(body.errors[0].data?.errors).toEqual([{ path: c.field, message: c.message }])
      else expect(body.errors[0].data?.errors).toBeUndefined()
    })
  }
})
