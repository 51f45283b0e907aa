import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * SMTP transport for digests and password resets, used when SMTP_HOST is set:
 * SMTP_HOST, SMTP_PORT (587), SMTP_SECURE (1 for port 465), SMTP_USER, SMTP_PASS, MAIL_FROM, MAIL_FROM_NAME.
 */
export const smtpEmailAdapter: EmailAdapter = () => {
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: process.env.SMTP_SECURE === '1',
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } : undefined,
  })
  const defaultFromAddress = process.env.MAIL_FROM ?? 'noreply@example.com'
  const defaultFromName = process.env.MAIL_FROM_NAME ?? '阳光救助管理后台'
  return {
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: (message) => transport.sendMail({ from: `${defaultFromName} <${defaultFromAddress}>`, ...message } as never),
  }
}
