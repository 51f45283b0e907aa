import type { GlobalConfig } from 'payload'
import { globalAccess, isAdmin, nobody } from '../access'
import { writeAudit } from '../hooks/audit'

/**
 * 安全设置: account rules the bureau decides (not public, unlike 站点设置). For 等保 三级 the
 * administrators' login needs a second factor: with `requireTwoFactor` on, an admin or reviewer
 * without TOTP can do nothing until they have set it up on the account-security screen
 * (cms/access/accountGate.ts, cms/auth/twoFactorPolicy.ts).
 */
export const SecuritySettings: GlobalConfig = {
  slug: 'security-settings',
  label: '安全设置',
  admin: { group: '系统管理' },
  access: globalAccess({ read: isAdmin, readDrafts: nobody, readVersions: nobody, update: isAdmin }),
  hooks: {
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        if (Boolean(doc.requireTwoFactor) !== Boolean(previousDoc?.requireTwoFactor)) {
          await writeAudit(req, { action: 'update', collection: 'security-settings', summary: doc.requireTwoFactor ? '要求管理员和审核人使用两步验证' : '不再强制管理员和审核人使用两步验证' })
        }
        return doc
      },
    ],
  },
  fields: [
    {
      name: 'requireTwoFactor',
      type: 'checkbox',
      label: '要求系统管理员和审核人使用两步验证（TOTP）',
      defaultValue: false,
      admin: {
        description:
          '开启后，尚未启用两步验证的管理员和审核人登录后只能进入“账号安全”页面，用手机验证器完成设置后才能继续工作。等保三级要求管理员登录采用两种以上的鉴别方式。开启前请确认您本人已启用两步验证。',
      },
    },
  ],
}
