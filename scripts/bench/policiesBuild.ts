import path from 'node:path'
import type { Payload } from 'payload'
import { publishRelease } from '../../cms/publish/release'
import { paragraphsToRichText } from '../../cms/seed/richText'

/** Export + site build time for N published policies, at two sizes, same run. */
export async function benchPoliciesBuild(payload: Payload, dataDir: string, sizes = [1000, 10000]) {
  const body = paragraphsToRichText([
    '第一条 为规范社会救助工作，保障困难群众基本生活，制定本办法。',
    '第二条 共同生活的家庭成员人均收入低于当地最低生活保障标准的，可以申请最低生活保障。',
  ])
  let have = 0
  const results: Record<string, { policies: number; ms: number; pages: number }> = {}
  for (const n of sizes) {
    for (; have < n; have++) {
      await payload.create({
        collection: 'policies',
        context: { disableAutoPublish: true },
        data: {
          title: `基准测试政策第${have + 1}号`,
          issuer: '清河县民政局',
          documentNumber: `清民发〔2026〕${have + 1}号`,
          publishedOn: '2026-01-15T00:00:00.000Z',
          validity: 'current',
          body: body as never,
          _status: 'published',
        },
      })
    }
    const release = await publishRelease(payload, { dir: path.join(dataDir, 'releases'), keep: 1 })
    results[String(n)] = { policies: n, ms: release.durationMs, pages: release.pages }
  }
  const [a, b] = sizes
  return {
    name: 'export+site build by policy count',
    results,
    sizeRatio: b / a,
    timeRatio: Number((results[String(b)].ms / results[String(a)].ms).toFixed(2)),
    note: 'timeRatio ≈ sizeRatio means linear growth; well below it means fixed start-up cost dominates the small size',
  }
}
