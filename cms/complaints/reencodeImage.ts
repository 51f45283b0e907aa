import sharp from 'sharp'

// No Payload import here: the public server strips photos with this before queuing them.
export const MAX_IMAGE_PIXELS = 40_000_000

/** Re-encodes an image: orientation applied, every metadata block (EXIF, GPS, XMP, ICC) dropped, pixel count bounded. */
export async function reencodeImage(buf: Buffer, type: 'image/jpeg' | 'image/png' | 'image/webp'): Promise<Buffer> {
  const img = sharp(buf, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate()
  if (type === 'image/png') return img.png().toBuffer()
  if (type === 'image/webp') return img.webp({ quality: 85 }).toBuffer()
  return img.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
}
