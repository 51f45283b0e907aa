import { isValidTrackingCode } from '../../../cms/domain/trackingCode'
import { callCms } from './cmsClient'
import { clientAddress, trackLimiter } from './rateLimit'

export type TrackOutcome =
  | { type: 'form'; code: string; error: string | null }
  | { type: 'status'; code: string; password: string; status: Record<string, any>; notice: string | null }
  | { type: 'rejected'; status: number; message: string; retryAfter?: number }

const text = (f: FormData, k: string, max: number) => {
  const v = f.get(k)
  return typeof v === 'string' ? v.trim().slice(0, max) : ''
}

/** The tracking lookup and the "was it resolved?" feedback, with guessing locked out per address. */
export async function handleTrack(request: Request, remoteAddress: string | undefined): Promise<TrackOutcome> {
  const form = await request.formData().catch(() => null)
  if (!form) return { type: 'form', code: '', error: '请求无法读取，请重新填写。' }
  const code = text(form, 'code', 40)
  const password = text(form, 'password', 20).replace(/\s/g, '')
  if (!code || !isValidTrackingCode(code)) return { type: 'form', code, error: '查询码不对：查询码共13位（如 K7M2-Q9XP-4RTB-Z），请对照回执逐位核对。' }
  if (!/^\d{8}$/.test(password)) return { type: 'form', code, error: '查询密码是8位数字，请对照回执填写。' }
  const ip = clientAddress(request, remoteAddress)
  if (!trackLimiter.take(ip)) {
    const retryAfter = trackLimiter.retryAfter(ip)
    return { type: 'rejected', status: 429, message: `查询过于频繁，请在 ${Math.ceil(retryAfter / 60)} 分钟后再试，或拨打监督电话查询。`, retryAfter }
  }
  const satisfied = text(form, 'satisfied', 3)
  const path = satisfied === 'yes' || satisfied === 'no' ? 'feedback' : 'track'
  const res = await callCms(path, { trackingCode: code, password, satisfied, note: text(form, 'note', 200) })
  if (res.status === 0) return { type: 'rejected', status: 503, message: '办理系统暂时无法连接，请稍后再查询。刚提交的反映已经保存，不会丢失。' }
  if (res.status === 429) return { type: 'rejected', status: 429, message: res.body?.message ?? '请稍后再试。' }
  if (!res.ok) return { type: 'form', code, error: res.body?.message ?? '没有找到这条记录，或查询密码不正确。' }
  return { type: 'status', code, password, status: res.body.status, notice: path === 'feedback' ? '感谢您的评价。' : null }
}
