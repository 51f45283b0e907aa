import { isValidTrackingCode, normaliseTrackingCode } from '../../../cms/domain/trackingCode'
import { TRACK_PARSE_LIMITS } from './limits'
import { parseRequestForm, textField } from './parseForm'
import type { RequestServices } from './services'

export type TrackOutcome =
  | { type: 'form'; code: string; error: string | null; status?: number; retryAfter?: number }
  | { type: 'status'; code: string; password: string; status: Record<string, any>; notice: string | null }
  | { type: 'rejected'; status: number; message: string; retryAfter?: number }

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60))

/** The tracking lookup and the "was it resolved?" feedback, limited per address and code. */
export async function handleTrack(request: Request, services: RequestServices): Promise<TrackOutcome> {
  const form = services.form !== undefined ? services.form : await parseRequestForm(request, TRACK_PARSE_LIMITS, services.body)
  if (services.body.exceeded) return { type: 'rejected', status: 413, message: '提交的内容太大，没有收到。查询只需要填写查询码和查询密码，请返回重新填写。' }
  if (services.body.timedOut) return { type: 'rejected', status: 408, message: '网络太慢，查询没有完成，请稍后再试。' }
  if (!form) return { type: 'form', code: '', error: '请求无法读取，请重新填写。' }
  const code = textField(form, 'code', 40)
  const password = textField(form, 'password', 20).replace(/\s/g, '')
  if (!code || !isValidTrackingCode(code)) return { type: 'form', code, error: '查询码不对：查询码共13位（如 K7M2-Q9XP-4RTB-Z），请对照回执逐位核对。' }
  if (!/^\d{8}$/.test(password)) return { type: 'form', code, error: '查询密码是8位数字，请对照回执填写。' }
  const key = normaliseTrackingCode(code)
  const wait = services.limits.lookupWait(services.clientAddress, key)
  if (wait) return { type: 'form', code, status: 429, retryAfter: wait, error: `查询过于频繁，请在 ${minutes(wait)} 分钟后再试，或拨打监督电话查询。` }
  const satisfied = textField(form, 'satisfied', 3)
  const path = satisfied === 'yes' || satisfied === 'no' ? 'feedback' : 'track'
  services.limits.lookupMade(services.clientAddress, key)
  const res = await services.lookup(path, { trackingCode: code, password, satisfied, note: textField(form, 'note', 200) })
  if (res.status === 0) return { type: 'rejected', status: 503, message: '办理系统暂时无法连接，请稍后再查询。刚提交的反映已经保存，不会丢失。' }
  if (res.status === 429) return { type: 'rejected', status: 429, message: res.body?.message ?? '请稍后再试。' }
  if (res.status === 401 || res.status === 403 || res.status === 405 || (res.status === 404 && res.body?.code !== 'not_found')) {
    return { type: 'rejected', status: 503, message: '查询暂时不可用（网站与办理系统的连接设置有误，已通知管理员）。请稍后再试，或拨打监督电话查询。' }
  }
  if (!res.ok) return { type: 'form', code, error: res.body?.message ?? '没有找到这条记录，或查询密码不正确。' }
  return { type: 'status', code, password, status: res.body.status, notice: path === 'feedback' ? '感谢您的评价。' : null }
}
