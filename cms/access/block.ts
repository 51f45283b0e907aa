import type { Access, CollectionConfig, GlobalConfig } from 'payload'
import { gateOf } from '../auth/twoFactorPolicy'

/**
 * Who may do what is decided once per collection, here: every Payload operation that has an access
 * rule (read, readVersions, create, update, delete, unlock, admin) must be named — the type makes
 * an incomplete block a compile error, and tests/integration/accessMatrix.test.ts fails for any
 * collection whose block was not built by this helper. Each rule is also closed to an account that
 * still has to change its one-time password or enter its second factor.
 */
export type CollectionRules = {
  read: Access
  /** Versions hold drafts and old raw data: never broader than `read` for staff, never public. */
  readVersions: Access
  create: Access
  update: Access
  delete: Access
  /** Unlocking a locked-out account (auth collections); `nobody` elsewhere. */
  unlock: Access
  /** Who may open the admin (auth collections); ignored elsewhere but named all the same. */
  admin: (args: { req: Parameters<Access>[0]['req'] }) => boolean | Promise<boolean>
}

export type GlobalRules = { read: Access; readDrafts: Access; readVersions: Access; update: Access }

/** Marks a block built here (kept through Payload's `{ ...defaults, ...access }` sanitising). */
export const ACCESS_BLOCK = Symbol.for('ygjz.accessBlock')

export const COLLECTION_OPERATIONS = ['read', 'readVersions', 'create', 'update', 'delete', 'unlock', 'admin'] as const
export const GLOBAL_OPERATIONS = ['read', 'readDrafts', 'readVersions', 'update'] as const

/** An account behind a gate gets nothing until it has passed it (the gate may read 安全设置, so this is async). */
const readyAccount =
  <F extends (args: any) => any>(rule: F): F =>
  (async (args: Parameters<F>[0]) => ((await gateOf(args?.req)) ? false : rule(args))) as F

/**
 * `whileGated.read` is what a gated account may still read (the users collection: its own record,
 * so the admin knows who is logged in and can show the account-security screen).
 */
export function collectionAccess(rules: CollectionRules, whileGated: { read?: Access } = {}): NonNullable<CollectionConfig['access']> {
  const block: Record<string | symbol, unknown> = {}
  for (const op of COLLECTION_OPERATIONS) {
    if (typeof rules[op] !== 'function') throw new Error(`访问规则不完整：缺少 ${op}`)
    // `admin` only opens the panel: a gated account must reach it, where AccountGateRedirect sends it
    // to the account-security screen (every data operation stays closed until the gate is passed).
    block[op] = op === 'admin' ? rules[op] : readyAccount(rules[op])
  }
  const gatedRead = whileGated.read
  if (gatedRead) block.read = (async (args: Parameters<Access>[0]) => ((await gateOf(args?.req)) ? gatedRead(args) : rules.read(args))) as Access
  block[ACCESS_BLOCK] = true
  return block as NonNullable<CollectionConfig['access']>
}

export function globalAccess(rules: GlobalRules): NonNullable<GlobalConfig['access']> {
  const block: Record<string | symbol, unknown> = {}
  for (const op of GLOBAL_OPERATIONS) {
    if (typeof rules[op] !== 'function') throw new Error(`访问规则不完整：缺少 ${op}`)
    block[op] = readyAccount(rules[op])
  }
  block[ACCESS_BLOCK] = true
  return block as NonNullable<GlobalConfig['access']>
}

export const isBuiltBlock = (access: unknown): boolean => Boolean(access && (access as Record<symbol, unknown>)[ACCESS_BLOCK])
