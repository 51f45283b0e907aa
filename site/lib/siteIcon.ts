import sharp from 'sharp'

/**
 * The site's icon, drawn at build time from the bureau's settings: the column's brand colour and a
 * sun (阳光) with the first character of the column title in the SVG icon (browsers draw it with
 * their own fonts). The PNG touch icon and favicon.ico carry the sun alone — the build machine need
 * not have a Chinese font.
 */
const BRAND = '#a4161a'

const sun = (size: number) => {
  const c = size / 2
  const rays = Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6
    const [x1, y1, x2, y2] = [c + Math.cos(a) * size * 0.3, c + Math.sin(a) * size * 0.3, c + Math.cos(a) * size * 0.42, c + Math.sin(a) * size * 0.42]
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}"/>`
  }).join('')
  return `<g stroke="#ffcf33" stroke-width="${(size * 0.06).toFixed(1)}" stroke-linecap="round">${rays}</g><circle cx="${c}" cy="${c}" r="${(size * 0.22).toFixed(1)}" fill="#ffcf33"/>`
}

const frame = (size: number, inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" rx="${size * 0.18}" fill="${BRAND}"/>${inner}</svg>`

const escape = (s: string) => s.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`)

export function iconSvg(columnTitle: string, bureauName: string): string {
  const ch = [...columnTitle.trim()][0] ?? ''
  const text = ch ? `<text x="32" y="41" font-size="24" font-weight="700" text-anchor="middle" fill="${BRAND}" font-family="system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif">${escape(ch)}</text>` : ''
  return frame(64, `<title>${escape(`${bureauName} ${columnTitle}`)}</title>${sun(64)}${text}`)
}

export const iconPng = (size: number): Promise<Buffer> => sharp(Buffer.from(frame(size, sun(size)))).png().toBuffer()

/** favicon.ico holding one 32×32 PNG (the ICO format allows PNG images inside: a 6-byte header and one 16-byte entry). */
export async function iconIco(): Promise<Buffer> {
  const png = await iconPng(32)
  const head = Buffer.alloc(22)
  head.writeUInt16LE(0, 0) // reserved
  head.writeUInt16LE(1, 2) // type: icon
  head.writeUInt16LE(1, 4) // one image
  head.writeUInt8(32, 6) // width
  head.writeUInt8(32, 7) // height
  head.writeUInt8(0, 8) // no palette
  head.writeUInt8(0, 9) // reserved
  head.writeUInt16LE(1, 10) // colour planes
  head.writeUInt16LE(32, 12) // bits per pixel
  head.writeUInt32LE(png.length, 14) // image size
  head.writeUInt32LE(22, 18) // image offset
  return Buffer.concat([head, png])
}
