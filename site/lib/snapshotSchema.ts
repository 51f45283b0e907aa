import { z } from 'zod'

/**
 * The masked snapshot: the ONLY data the public site ever sees. Every object is strict, so a
 * field that is not listed here cannot travel from the CMS to the site (the allow-list), and the
 * site refuses to build from a snapshot that carries one.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

export const attachmentSchema = z.strictObject({
  title: z.string(),
  url: z.string(),
  mimeType: z.string(),
  filesize: z.number().int().nonnegative(),
})

export const policySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  indexNumber: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issuer: z.string(),
  writtenOn: isoDate.nullable(),
  publishedOn: isoDate,
  validity: z.enum(['current', 'amended', 'repealed']),
  supersededBy: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  attachments: z.array(attachmentSchema),
  updatedAt: z.string(),
})

export const siteInfoSchema = z.strictObject({
  bureauName: z.string(),
  columnTitle: z.string(),
  address: z.string().nullable(),
  officeHours: z.string().nullable(),
  consultPhone: z.string().nullable(),
  supervisePhone: z.string().nullable(),
})

export const snapshotSchema = z.strictObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: z.string(),
  site: siteInfoSchema,
  policies: z.array(policySchema),
})

export type Snapshot = z.infer<typeof snapshotSchema>
export type PublicPolicy = z.infer<typeof policySchema>
export type SiteInfo = z.infer<typeof siteInfoSchema>
