import type { FieldAccess, FieldHook, TextField } from 'payload'
import { decryptIfEncrypted, encryptIfPlain, type IdentifierPurpose } from '../security/fieldEncryption'

/**
 * A text field whose value is stored encrypted (cms/security/fieldEncryption.ts): encrypted just
 * before it is written (documents, versions and drafts alike), decrypted after it is read and then
 * shown only to those that `read` allows (the field is removed for everyone else). Validation sees
 * the plaintext.
 */
export function encryptedText(field: TextField & { name: string }, purpose: IdentifierPurpose, read: FieldAccess): TextField {
  const encrypt: FieldHook = ({ value }) => encryptIfPlain(value as string | null | undefined, purpose)
  const decrypt: FieldHook = ({ value }) => {
    try {
      return decryptIfEncrypted(value as string | null | undefined, purpose)
    } catch {
      // A value under an unknown key: never show ciphertext, never fail the whole read.
      return null
    }
  }
  const inner = field.validate
  const maxLength = field.maxLength
  return {
    ...field,
    access: { ...field.access, read },
    hooks: { ...field.hooks, beforeChange: [...(field.hooks?.beforeChange ?? []), encrypt], afterRead: [decrypt, ...(field.hooks?.afterRead ?? [])] },
    validate: ((value: unknown, args: unknown) => {
      let plain = value
      try {
        plain = decryptIfEncrypted(value as string | null | undefined, purpose)
      } catch {
        return '无法解密已保存的值：字段加密密钥不对。请联系系统管理员。'
      }
      if (maxLength && typeof plain === 'string' && plain.length > maxLength) return `不能超过 ${maxLength} 个字符。`
      return inner ? (inner as (v: unknown, a: unknown) => true | string)(plain, args) : true
    }) as TextField['validate'],
    // The column holds ciphertext (~70 characters for an ID number); the limit above applies to the plaintext.
    maxLength: undefined,
  } as TextField
}
