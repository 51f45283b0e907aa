import fs from 'node:fs'
import path from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servedFileHeaders } from '../../cms/complaints/sanitiseUpload'
import { makeUser } from '../helpers/fixtures'
import { rest } from '../helpers/api'
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

  it('accept a PDF attachment of a policy, rewritten without its author and other metadata', async () => {
    const made = await PDFDocument.create()
    made.addPage([300, 300]).drawText('Notice', { x: 20, y: 150 })
    made.setAuthor('Wang Xiaoming')
    made.setCreator('Microsoft Word')
    made.setTitle('draft by wxm')
    const pdf = Buffer.from(await made.save({ useObjectStreams: false }))
    expect(pdf.toString('latin1')).toContain('/Author')
    const doc = await upload(pdf, '实施办法.pdf', 'application/pdf')
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.filename).toMatch(/\.pdf$/)
    const stored = fs.readFileSync(path.join(t.dataDir, 'media', doc.filename!))
    const reread = await PDFDocument.load(stored, { updateMetadata: false })
    expect(reread.getPageCount()).toBe(1)
    expect(reread.getAuthor()).toBeUndefined()
    expect(reread.getCreator()).toBeUndefined()
    expect(reread.getTitle()).toBeUndefined()
  })

  it('refuse PDFs with JavaScript, launch actions or embedded files, and Office files, with a Chinese reason', async () => {
    const js = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await expect(upload(js, '通知.pdf', 'application/pdf')).rejects.toThrow(/含有脚本、启动程序或嵌入文件等活动内容（JavaScript）/)
    const launch = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /Launch /F (calc.exe) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await expect(upload(launch, '通知.pdf', 'application/pdf')).rejects.toThrow(/活动内容（Launch）/)
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])
    await expect(upload(ole, '情况说明.doc', 'application/msword')).rejects.toThrow(/Office 文件.*另存为 PDF/)
    const broken = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
    await expect(upload(broken, '坏文件.pdf', 'application/pdf')).rejects.toThrow(/PDF“坏文件.pdf”/)
  })

  it('serve stored files as downloads with a restrictive CSP', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()
    const doc = await upload(png, '图.png', 'image/png')
    const headers = servedFileHeaders({ headers: new Headers() })
    expect(headers.get('content-disposition')).toBe('attachment')
    expect(headers.get('content-security-policy')).toContain('sandbox')
    const admin = await makeUser(t.payload, ['admin'])
    const { token } = await t.payload.login({ collection: 'users', data: { email: admin.email, password: 'test-password-long-1' } })
    const res = await rest({ payload: t.payload, key: t.dataDir }, 'GET', `/media/file/${doc.filename}`, { token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })
})
