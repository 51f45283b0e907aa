import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { demoPolicies } from '../../content/demoPolicies'
import { paragraphsToRichText } from './richText'

export const DEMO_ADMIN_EMAIL = 'admin@example.com'

/** A password nobody can guess and nobody ships: shown once, never stored in clear. */
export const randomPassword = () => crypto.randomBytes(12).toString('base64url')

export type SeedResult = { seeded: boolean; adminPassword?: string }

/** Seeds the synthetic demo county into an EMPTY database; does nothing when content exists. */
export async function seedDemoContent(payload: Payload): Promise<SeedResult> {
  const [{ totalDocs: users }, { totalDocs: policies }] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'policies' }),
  ])
  if (users > 0 || policies > 0) return { seeded: false }

  const ctx = { disableAutoPublish: true }
  const adminPassword = randomPassword()
  await payload.create({
    collection: 'users',
    data: { email: DEMO_ADMIN_EMAIL, password: adminPassword, name: '演示管理员', roles: ['admin'] },
    context: ctx,
  })

  const ids = new Map<string, string>()
  // Replacements first, so a superseded policy can point at its successor.
  const ordered = [...demoPolicies].sort((a, b) => Number(Boolean(a.supersededByKey)) - Number(Boolean(b.supersededByKey)))
  for (const p of ordered) {
    const doc = await payload.create({
      collection: 'policies',
      draft: !p.published,
      context: ctx,
      data: {
        title: p.title,
        indexNumber: p.indexNumber,
        documentNumber: p.documentNumber || undefined,
        issuer: p.issuer,
        writtenOn: `${p.writtenOn}T00:00:00.000Z`,
        publishedOn: `${p.publishedOn}T00:00:00.000Z`,
        validity: p.validity,
        supersededBy: p.supersededByKey ? ids.get(p.supersededByKey) : undefined,
        summary: p.summary,
        body: paragraphsToRichText(p.paragraphs) as never,
        _status: p.published ? 'published' : 'draft',
      },
    })
    ids.set(p.key, String(doc.id))
  }
  return { seeded: true, adminPassword }
}
