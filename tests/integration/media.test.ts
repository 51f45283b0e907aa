import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser } from '../helpers/fixtures'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let editor: Awaited<ReturnType<typeof makeUser>>
beforeAll(async () => {
  t = await startTestPayload()
  editor = await makeUser(t.payload, ['editor'])
})
afterAll(async () => {
  await t?.close()
})

const upload = (data: Buffer, name: string, mimetype: string) =>
  t.payload.create({ collection: 'media', data: { alt: '测试' }, file: { data, name, mimetype, size: data.length }, user: editor as never, overrideAccess: false })

describe('media uploads', () => {
  it('strip EXIF and GPS from photos (original and web size)', async () => {
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#246' } })
      .jpeg()
      .withExifMerge({ IFD0: { Make: 'Cam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 0/1 0/1' } } as never)
      .toBuffer()
    expect((await sharp(photo).metadata()).exif).toBeTruthy()
    const doc = await upload(photo, '村务公开栏.jpg', 'image/jpeg')
    const dir = path.join(t.dataDir, 'media')
    for (const f of [doc.filename!, doc.sizes!.web!.filename!]) {
      const meta = await sharp(fs.readFileSync(path.join(dir, f))).metadata()
      expect(meta.exif, f).toBeUndefined()
      expect(meta.xmp, f).toBeUndefined()
    }
    expect(doc.sizes!.web!.width).toBe(1280)
  })

  it('refuse SVG and executables whatever they are called', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    await expect(upload(svg, 'logo.png', 'image/png')).rejects.toThrow(/只接受 JPG、PNG、WEBP 图片和 PDF/)
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])
    await expect(upload(exe, '通知.pdf', 'application/pdf')).rejects.toThrow(/只接受/)
  })

  it('refuse images over the pixel limit', async () => {
    const huge = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer()
    await expect(upload(huge, 'big.png', 'image/png')).rejects.toThrow(/无法读取或尺寸过大/)
  })

  it('accept a PDF attachment of a policy', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n')
    const doc = await upload(pdf, '实施办法.pdf', 'application/pdf')
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.filename).toMatch(/\.pdf$/)
  })
})
