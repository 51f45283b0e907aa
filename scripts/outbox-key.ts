/**
 * `npm run outbox-key`: makes the key pair the outbox is sealed with. The private key goes into the
 * CMS's environment (OUTBOX_PRIVATE_KEY), the public key into the public server's (OUTBOX_PUBLIC_KEY).
 * `npm run outbox-key -- --public`: prints the public key that belongs to the CMS's current private
 * key (OUTBOX_PRIVATE_KEY, or .data/outbox-key on a developer machine).
 *
 * Rotating: make a new pair, set OUTBOX_PRIVATE_KEY="<new>,<old>" on the CMS and the new public key on
 * the public server; once the public server's outbox is empty, drop the old private key.
 */
import { generateOutboxKeyPair } from '../cms/complaints/outboxSeal'

if (process.argv.includes('--public')) {
  const { outboxPublicKey } = await import('../cms/complaints/outboxKey')
  console.log(outboxPublicKey())
} else {
  const pair = generateOutboxKeyPair()
  console.log('# CMS（cms.env）——私钥，只放在 CMS 上，与数据库同等保护：')
  console.log(`OUTBOX_PRIVATE_KEY=${pair.privateKey}`)
  console.log('# 公开网站（public.env）——公钥：')
  console.log(`OUTBOX_PUBLIC_KEY=${pair.publicKey}`)
}
