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
import { PolicyInterpretations } from './collections/PolicyInterpretations'
import { Programmes } from './collections/Programmes'
import { RecipientLists } from './collections/RecipientLists'
import { RecipientRows } from './collections/RecipientRows'
import { Regions } from './collections/Regions'
import { Standards } from './collections/Standards'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { SecuritySettings } from './globals/SecuritySettings'
import { ScheduledRuns } from './collections/ScheduledRuns'
import { DAILY_QUEUE, dailyTasks } from './jobs/dailyTasks'
import { hasRole } from './access/roles'
import { refusalLogLevels, refusalsAtInfo, showDomainErrors } from './hooks/publicErrors'
import { secureInternalCollections } from './access/internalCollections'
import { auditRefusal } from './hooks/audit'
import { padAuthAnswer } from './auth/timing'
import { LOGIN_REFUSED } from './auth/accountHooks'
import { pinReviewedScheduledPublish } from './publish/scheduledPublish'
import { cmsOrigins } from './serverUrl'
import { databaseAdapter, prepareConnection } from './database'
import { outboxEmailAdapter } from './email/outboxAdapter'
import { smtpEmailAdapter } from './email/smtpAdapter'
import { cleanUpInterruptedImports } from './lists/storeList'
import { cmsDir } from './paths'
import { payloadSecret } from './secret'

const sanitized = buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js') },
    // Initials, not Gravatar: no request to another host, no hash of staff e-mails sent abroad.
    avatar: 'default',
    components: {
      graphics: { Logo: '/components/brand/Brand#BrandLogo', Icon: '/components/brand/Brand#BrandIcon' },
      beforeDashboard: ['/components/dashboard/WorkDashboard#WorkDashboard'],
      // One-time passwords and second factors: the gate's screen, and the redirect to it.
      providers: ['/components/account/AccountGateRedirect#AccountGateRedirect'],
      views: { accountSecurity: { Component: '/components/account/AccountSecurityView#AccountSecurityView', path: '/account-security' } },
    },
    meta: { titleSuffix: ' · 阳光救助管理后台' },
    timezones: { defaultTimezone: 'Asia/Shanghai', supportedTimezones: [{ label: '北京时间', value: 'Asia/Shanghai' }] },
    dateFormat: 'yyyy年M月d日 HH:mm',
  },
  // One answer for a wrong password and a locked account (cms/auth/accountHooks.ts): it says what
  // may be wrong and what to do, without telling whether the address has an account.
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh', translations: { zh: { error: { emailOrPasswordIncorrect: LOGIN_REFUSED, userLocked: LOGIN_REFUSED } } } },
  collections: [
    Notices,
    Complaints,
    RecipientLists,
    RecipientRows,
    ImportMappings,
    Policies,
    PolicyInterpretations,
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
    ScheduledRuns,
  ],
  globals: [SiteSettings, SecuritySettings],
  endpoints: [...publicFormEndpoints],
  // Cookie-authenticated requests only from the admin's own origin (CSRF); the same for CORS.
  csrf: cmsOrigins(),
  cors: cmsOrigins(),
  // Scheduled publish/unpublish (定时发布): queued from the admin, run every minute in the CMS process.
  // The job publishes as the user who scheduled it, only the version they reviewed (cms/publish/scheduledPublish.ts).
  // The daily release and digest (cms/jobs/dailyTasks.ts) are scheduled tasks on their own queue,
  // scheduled and run only where the CMS publishes (AUTO_PUBLISH=1).
  jobs: {
    tasks: dailyTasks,
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      { cron: '* * * * *', queue: DAILY_QUEUE, limit: 5, disableScheduling: process.env.AUTO_PUBLISH !== '1' },
    ],
    shouldAutoRun: () => process.env.AUTO_PUBLISH === '1',
    // Completed jobs stay as the record of what ran (and what each daily run did).
    deleteJobOnComplete: false,
    // Admins see every job (scheduled publishes, daily tasks, retries and errors) under 系统.
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      labels: { singular: '后台任务', plural: '后台任务' },
      admin: { ...defaultJobsCollection.admin, hidden: false, group: '系统' },
      access: { ...defaultJobsCollection.access, read: ({ req }) => hasRole(req.user, 'admin') },
    }),
    access: {
      queue: ({ req }) => hasRole(req.user, 'admin', 'reviewer'),
      run: ({ req }) => hasRole(req.user, 'admin'),
      cancel: ({ req }) => hasRole(req.user, 'admin', 'reviewer'),
    },
  },
  // A list whose import was killed mid-way (crash, kill) is removed when the CMS starts again.
  onInit: async (payload) => {
    await prepareConnection(payload)
    // On a database not yet migrated (the first `npm start`) there is nothing to clean: migrateDatabase runs it afterwards.
    await cleanUpInterruptedImports(payload).catch((err: Error) => {
      if (!/no such table|does not exist/.test(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`)) payload.logger.warn({ msg: 'interrupted-import clean-up skipped', err: err.message })
    })
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
  hooks: {
    afterError: [
      // A refusal's Chinese message reaches the person on every path (cms/hooks/publicErrors.ts); it is
      // an expected outcome, so it is logged at info, not error.
      showDomainErrors,
      // Failed logins answer no faster than successful ones; refusals on sensitive records are audited.
      async ({ req, error, collection }) => {
        await padAuthAnswer(req)
        await auditRefusal(req, error, collection?.slug)
      },
    ],
  },
  loggingLevels: refusalLogLevels,
  telemetry: false,
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
})

/** Payload's own collections get complete access blocks; its scheduled publish publishes only the reviewed version. */
export default sanitized.then((config) => {
  secureInternalCollections(config)
  pinReviewedScheduledPublish(config)
  return config
})
