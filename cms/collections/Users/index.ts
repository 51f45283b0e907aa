import type { CollectionConfig, FieldHook } from 'payload'
import { collectionAccess, isAdmin, isAdminField, isAdminOrSelf, isSelf, nobody, nobodyField, opensAdmin } from '../../access'
import { ROLES } from '../../access/roles'
import { accountEndpoints } from '../../auth/accountEndpoints'
import { gateOf } from '../../auth/twoFactorPolicy'
import {
  auditLogin,
  auditPasswordChange,
  enforcePasswordPolicy,
  guardAuthOperations,
  markOneTimePassword,
  refuseExpiredOneTimePassword,
} from '../../auth/accountHooks'
import { MIN_PASSWORD_LENGTH } from '../../domain/passwordPolicy'
import { isFerretDB } from '../../database'
import { cmsServerUrl, servedOverHttps } from '../../serverUrl'
import { ensureFirstUserIsAdmin } from './hooks/ensureFirstUserIsAdmin'
import { encryptedText } from '../../fields/encrypted'

/** What the logged-in account must still do in this session (the admin shows the account-security screen). */
const gateOfThisSession: FieldHook = ({ req, originalDoc }) =>
  req.user && originalDoc && String(req.user.id) === String(originalDoc.id) ? gateOf(req) : null

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: {
    // People are shown by name wherever an account is chosen or shown (承办人, 操作人), not by e-mail.
    useAsTitle: 'name',
    listSearchableFields: ['name', 'email'],
    defaultColumns: ['name', 'email', 'roles', 'mustChangePassword', 'totpEnabled'],
    group: '系统管理',
    description: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符，不能是常见密码。管理员为他人设置的密码是一次性密码：72小时内有效，首次登录必须修改。`,
  },
  auth: {
    // FerretDB cannot run the findAndModify Payload sends to count failed logins; on real
    // MongoDB and SQLite accounts lock after five failures.
    maxLoginAttempts: isFerretDB() ? 0 : 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: servedOverHttps(), sameSite: 'Lax' },
    forgotPassword: {
      expiration: 60 * 60 * 1000,
      // An absolute link from the configured address, never from the request's Host header.
      generateEmailHTML: (args) => {
        const link = `${cmsServerUrl()}/admin/reset/${encodeURIComponent(String(args?.token ?? ''))}`
        return `<p>您好！有人（可能是您本人）申请重设阳光救助管理后台的密码。</p><p>请在1小时内打开下面的链接设置新密码：</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>如果不是您本人申请，请忽略本邮件，您的密码不会改变。</p>`
      },
      generateEmailSubject: () => '阳光救助管理后台：重设密码',
    },
  },
  endpoints: accountEndpoints,
  access: collectionAccess(
    { read: isAdminOrSelf, readVersions: nobody, create: isAdmin, update: isAdminOrSelf, delete: isAdmin, unlock: isAdmin, admin: opensAdmin },
    { read: isSelf },
  ),
  hooks: {
    beforeOperation: [guardAuthOperations],
    beforeValidate: [enforcePasswordPolicy],
    beforeChange: [ensureFirstUserIsAdmin, markOneTimePassword],
    beforeLogin: [refuseExpiredOneTimePassword],
    afterLogin: [auditLogin],
    afterOperation: [auditPasswordChange],
  },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    {
      name: 'roles',
      type: 'select',
      label: '角色',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: ROLES.map((r) => ({ value: r.value, label: r.label })),
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      label: '负责地区',
      admin: { description: '乡镇经办人只能查看和编辑所负责地区（含下属村、社区）的公示和名单；县级人员留空。' },
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
    },
    {
      type: 'collapsible',
      label: '账号安全',
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'mustChangePassword',
          type: 'checkbox',
          label: '首次登录须修改密码',
          defaultValue: false,
          access: { create: nobodyField, update: nobodyField },
          admin: { readOnly: true, description: '管理员设置或重置的密码是一次性密码。' },
        },
        {
          name: 'oneTimePasswordExpiresAt',
          type: 'date',
          label: '一次性密码有效期至',
          access: { create: nobodyField, update: nobodyField },
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, condition: (d) => Boolean(d?.mustChangePassword) },
        },
        {
          name: 'totpEnabled',
          type: 'checkbox',
          label: '已启用两步验证',
          defaultValue: false,
          // An admin may switch it off for someone who lost their phone (they enrol again).
          access: { create: nobodyField, update: isAdminField },
        },
      ],
    },
    // Stored encrypted (cms/security/fieldEncryption.ts), written by cms/auth/accountEndpoints.ts only.
    encryptedText({ name: 'totpSecret', type: 'text', hidden: true, access: { create: nobodyField, update: nobodyField } }, 'totpSecret', nobodyField),
    encryptedText({ name: 'totpPendingSecret', type: 'text', hidden: true, access: { create: nobodyField, update: nobodyField } }, 'totpPendingSecret', nobodyField),
    // Not `hidden`: the session check reads it from the logged-in user (loaded with access overridden); no API shows it.
    { name: 'twoFactorSessions', type: 'json', access: { read: nobodyField, create: nobodyField, update: nobodyField }, admin: { hidden: true } },
    { name: 'accountGate', type: 'text', virtual: true, access: { create: nobodyField, update: nobodyField }, admin: { hidden: true }, hooks: { afterRead: [gateOfThisSession] } },
  ],
}
