/**
 * `npm run keys:rotate`: re-encrypts every stored identifier under the current FIELD_KEY and
 * FIELD_CIPHER, in committed batches (interrupt it and run it again: it continues). Set the new key
 * as FIELD_KEY and the old one in FIELD_KEY_PREVIOUS first; remove the old one once this reports 0 failures.
 */
export {}
const { getPayload } = await import('payload')
const { default: config } = await import('../cms/payload.config')
const { reencryptIdentifiers } = await import('../cms/security/identifierStore')
const { currentFieldKey, fieldCipher } = await import('../cms/security/fieldEncryption')
const payload = await getPayload({ config })
try {
  console.log(`正在用字段加密密钥 ${currentFieldKey().id}（${fieldCipher()}）重新加密……`)
  const r = await reencryptIdentifiers(payload, { batchSize: Number(process.env.BATCH_SIZE ?? 500), onBatch: (p) => process.stdout.write(`\r已重新加密 ${p.updated} 个值`) })
  console.log(`\n完成：重新加密 ${r.updated} 个值。${r.failed ? `有 ${r.failed} 个值无法解密：请在 FIELD_KEY_PREVIOUS 中列出加密它们的旧密钥后重新运行。` : '没有无法解密的值，可以停用旧密钥。'}`)
  if (r.failed) process.exitCode = 1
} catch (err) {
  console.error(`重新加密失败：${(err as Error).message}（已完成的批次已保存，重新运行会继续）`)
  process.exitCode = 1
}
await payload.destroy()
process.exit()
