import crypto from 'node:crypto'
import { secretFromEnvOrFile } from '../secret'

/** The key the public server presents: it can create complaints and read their public status, nothing else. */
export const publicFormKey = () => secretFromEnvOrFile('PUBLIC_FORM_KEY', 'public-form-key')

export function publicFormKeyMatches(presented: string | null | undefined): boolean {
  if (!presented) return false
  const a = crypto.createHash('sha256').update(presented).digest()
  const b = crypto.createHash('sha256').update(publicFormKey()).digest()
  return crypto.timingSafeEqual(a, b)
}

export const PUBLIC_FORM_USER = Object.freeze({
  id: 'system-public-form',
  collection: 'users',
  email: 'public-form@system.invalid',
  name: '公开网站表单（系统）',
  roles: ['publicForm'],
})
