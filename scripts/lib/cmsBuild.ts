import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../cms/paths'

const stampFile = () => path.join(projectRoot, 'cms', '.next', 'ygjz-source-hash')

/** Hash of everything the admin build depends on: CMS sources, shared site contract, lock file. */
export function cmsSourceHash(): string {
  const hash = crypto.createHash('sha256')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.next' || e.name === 'node_modules') continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else files.push(p)
    }
  }
  walk(path.join(projectRoot, 'cms'))
  walk(path.join(projectRoot, 'content'))
  walk(path.join(projectRoot, 'site', 'lib'))
  files.push(path.join(projectRoot, 'package-lock.json'))
  for (const f of files.sort()) {
    if (f.includes(`${path.sep}snapshot${path.sep}`)) continue
    hash.update(path.relative(projectRoot, f)).update('\0').update(fs.readFileSync(f))
  }
  return hash.digest('hex')
}

export const cmsBuildIsCurrent = () => {
  try {
    return fs.readFileSync(stampFile(), 'utf8') === cmsSourceHash()
  } catch {
    return false
  }
}

export const markCmsBuilt = () => fs.writeFileSync(stampFile(), cmsSourceHash())
