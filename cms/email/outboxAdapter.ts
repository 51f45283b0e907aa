import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { EmailAdapter } from 'payload'
import { dataDir } from '../paths'

export const mailOutboxDir = () => path.join(dataDir(), 'mail-outbox')

/**
 * Development mail transport: every message becomes a JSON file in .data/mail-outbox/ instead of
 * being sent, so digests and password resets can be read without an SMTP server.
 */
export const outboxEmailAdapter: EmailAdapter<{ file: string }> = () => ({
  name: 'outbox',
  defaultFromAddress: process.env.MAIL_FROM ?? 'noreply@example.com',
  defaultFromName: process.env.MAIL_FROM_NAME ?? '阳光救助管理后台',
  sendEmail: async (message) => {
    const dir = mailOutboxDir()
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(3).toString('hex')}.json`)
    const { from, to, subject, text, html } = message
    fs.writeFileSync(file, JSON.stringify({ from, to, subject, text, html }, null, 2))
    return { file }
  },
})
