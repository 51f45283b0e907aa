import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type Manifest = {
  release: string
  generatedAt: string
  asOf: string
  algorithm: 'SHA-256'
  files: Record<string, { sha256: string; bytes: number }>
}

/**
 * manifest.json at the site root: the SHA-256 of every published file (pages, datasets, feeds,
 * search index), so anyone can check that a notice was not changed quietly. Written last.
 */
export function writeManifest(clientDir: string, meta: { releaseId: string; asOf: string; generatedAt: string }) {
  const files: Manifest['files'] = {}
  let pages = 0
  const entries = fs.readdirSync(clientDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name)
    const rel = path.relative(clientDir, full).split(path.sep).join('/')
    if (rel === 'manifest.json') continue
    const buf = fs.readFileSync(full)
    files[`/${rel}`] = { sha256: crypto.createHash('sha256').update(buf).digest('hex'), bytes: buf.length }
    if (rel.endsWith('.html')) pages++
  }
  const manifest: Manifest = { release: meta.releaseId, generatedAt: meta.generatedAt, asOf: meta.asOf, algorithm: 'SHA-256', files }
  fs.writeFileSync(path.join(clientDir, 'manifest.json'), JSON.stringify(manifest, null, 1))
  return { pages, files: Object.keys(files).length }
}

/** Adds each resource's SHA-256 and byte size to the Frictionless datapackage.json of a release. */
export function finaliseDataPackage(clientDir: string) {
  const file = path.join(clientDir, 'open-data', 'datapackage.json')
  if (!fs.existsSync(file)) return
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { resources: { path: string; hash?: string; bytes?: number }[] }
  for (const r of pkg.resources) {
    const data = fs.readFileSync(path.join(clientDir, 'open-data', r.path))
    r.hash = `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`
    r.bytes = data.length
  }
  fs.writeFileSync(file, JSON.stringify(pkg, null, 1))
}
