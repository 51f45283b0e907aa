import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { AuditLog } from './collections/AuditLog'
import { ComplaintCategories } from './collections/ComplaintCategories'
import { Complaints, ReplyTemplates } from './collections/Complaints'
import { ComplaintFiles } from './collections/ComplaintFiles'
import { publicFormEndpoints } from './endpoints/publicForms'
import { CalendarYears, Holidays } from './collections/Holidays'
import { Guides } from './collections/Guides'
import { ImportMappings } from './collections/ImportMappings'
import { Media } from './collections/Media'
import { Notices } from './collections/Notices'
import { Policies } from './collections/Policies'
import { Programmes } from './collections/Programmes'
import { RecipientLists } from './collections/RecipientLists'
import { RecipientRows } from './collections/RecipientRows'
import { Regions } from './collections/Regions'
import { Standards } from './collections/Standards'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { hasRole } from './access/roles'
import { refusalLogLevels, refusalsAtInfo, showDomainErrors } from './hooks/publicErrors'
import { databaseAdapter } from './database'
import { outboxEmailAdapter } from './email/outboxAdapter'
import { smtpEmailAdapter } from './email/smtpAdapter'
import { cleanUpInterruptedImports } from './lists/storeList'
import { cmsDir } from './paths'
import { payloadSecret } from './secret'

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js') },
    components: { beforeDashboard: ['/components/dashboard/WorkDashboard#WorkDashboard'] },
    meta: { titleSuffix: ' · 阳光救助管理后台' },
    timezones: { defaultTimezone: 'Asia/Shanghai', supportedTimezones: [{ label: '北京时间', value: 'Asia/Shanghai' }] },
    dateFormat: 'yyyy年M月d日 HH:mm',
  },
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  collections: [
    Notices,
    Complaints,
    RecipientLists,
    RecipientRows,
    ImportMappings,
    Policies,
    Guides,
    Standards,
    Media,
    Programmes,
    Regions,
    Holidays,
    CalendarYears,
    ComplaintCategories,
    ReplyTemplates,
    ComplaintFiles,
    Users,
    AuditLog,
  ],
  globals: [SiteSettings],
  endpoints: [...publicFormEndpoints],
  // Scheduled publish/unpublish (定时发布): queued from the admin, run every minute in the CMS process.
  // The job publishes as the user who scheduled it, so the two-person rule still applies.
  jobs: {
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.AUTO_PUBLISH === '1',
    access: {
      queue: ({ req }) => hasRole(req.user, 'admin', 'reviewer', 'editor'),
      run: ({ req }) => hasRole(req.user, 'admin'),
      cancel: ({ req }) => hasRole(req.user, 'admin', 'reviewer'),
    },
  },
  // A list whose import was killed mid-way (crash, kill) is removed when the CMS starts again.
  onInit: async (payload) => {
    await cleanUpInterruptedImports(payload).catch((err: Error) => payload.logger.warn({ msg: 'interrupted-import clean-up skipped', err: err.message }))
  },
  editor: lexicalEditor(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  sharp,
  // SMTP when configured (production); otherwise mails land in .data/mail-outbox/ to be read.
  email: process.env.SMTP_HOST ? smtpEmailAdapter : outboxEmailAdapter,
  // Structured JSON logs on stderr (stdout stays free for command output such as benchmark JSON).
  // Request bodies are never logged; these paths are redacted should they ever appear.
  logger: {
    destination: process.stderr as never,
    options: {
      level: process.env.LOG_LEVEL ?? 'info',
      redact: { paths: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', '*.idNumber', '*.phone'], censor: '[已隐去]' },
      hooks: { logMethod: refusalsAtInfo as never },
    },
  },
  // A refusal's Chinese message reaches the person on every path (cms/hooks/publicErrors.ts); it is
  // an expected outcome, so it is logged at info, not error.
  hooks: { afterError: [showDomainErrors] },
  loggingLevels: refusalLogLevels,
  telemetry: false,
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
})
