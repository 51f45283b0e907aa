// What a notice printed for the village board needs besides its text (issue 15): who issues it at
// its stage, a short address that can be typed from paper, and a QR code for that address.
import crypto from 'node:crypto'
import QRCode from 'qrcode'
import type { Catalog } from './catalog'
import type { PublicNotice } from './snapshotSchema'

/** The read-aloud alphabet of tracking codes (cms/domain/trackingCode.ts): no I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function hashCode(id: string, length: number): string {
  const bytes = crypto.createHash('sha256').update(`notice:${id}`).digest()
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] & 31]
  return out
}

/**
 * Short codes for notices, e.g. `K7M2QX` for `/n/K7M2QX/`: six symbols from a hash of the notice id,
 * so a code never changes from one release to the next and needs no stored field. On the rare
 * collision the older notice (posting date, then id) keeps six symbols and the newer gets eight.
 */
export function noticeShortCodes(notices: PublicNotice[]): Map<string, string> {
  const out = new Map<string, string>()
  const taken = new Set<string>()
  for (const n of [...notices].sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id))) {
    let code = hashCode(n.id, 6)
    for (let len = 8; taken.has(code); len += 2) code = hashCode(n.id, len)
    taken.add(code)
    out.set(n.id, code)
  }
  return out
}

/**
 * Who signs a notice at its stage (三榜公示): the village (residents') committee for the village
 * stage, the township (street office) for the township stage, the bureau for the county stage.
 * Read from the notice's stage and region, never assumed from the bureau.
 */
export function noticeIssuer(c: Catalog, n: PublicNotice): string {
  const region = c.region(n.regionCode)
  const bureau = c.snapshot.site.bureauName
  if (!region || region.level === 'county') return bureau
  if (region.level === 'village') {
    const name = c.regionFullName(region.code)
    return /社区$/.test(region.name) ? `${name}居民委员会` : `${name}村民委员会`
  }
  return /街道$/.test(region.name) ? `${region.name}办事处` : `${region.name}人民政府`
}

/** The site address without the scheme, as printed: jiuzhu.example.gov.cn/n/K7M2QX */
export function printableUrl(url: URL): string {
  return `${url.host}${url.pathname.replace(/\/$/, '')}`
}

/** A QR code as inline SVG (no script, no image request), made at build time. */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[<>&"]/g, '')}" `)
}
