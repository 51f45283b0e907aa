import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Media } from './collections/Media'
import { Policies } from './collections/Policies'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { databaseAdapter } from './database'
import { cmsDir } from './paths'
import { payloadSecret } from './secret'

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: cmsDir },
    meta: { titleSuffix: ' · 阳光救助管理后台' },
    timezones: { defaultTimezone: 'Asia/Shanghai', supportedTimezones: [{ label: '北京时间', value: 'Asia/Shanghai' }] },
    dateFormat: 'yyyy年M月d日 HH:mm',
  },
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  collections: [Policies, Media, Users],
  globals: [SiteSettings],
  editor: lexicalEditor(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
})
