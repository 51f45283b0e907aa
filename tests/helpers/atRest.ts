import fs from 'node:fs'
import path from 'node:path'

/** Every file under `dir` (recursively), for scanning database files and backups for raw values. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

/**
 * Which of `raw` values (ASCII: ID numbers, phones, hashes) occur byte for byte in the files. ID
 * numbers are found through an 18/15-digit scan; anything else by a plain search.
 */
export function rawValuesIn(files: string[], raw: Iterable<string>): Set<string> {
  const wanted = new Set(raw)
  const found = new Set<string>()
  const others = [...wanted].filter((v) => !/^\d{17}[\dX]$|^\d{15}$/.test(v))
  for (const f of files) {
    const buf = fs.readFileSync(f)
    const text = buf.toString('latin1')
    for (const m of text.matchAll(/\d{17}[\dX]|\d{15}/g)) if (wanted.has(m[0])) found.add(m[0])
    for (const v of others) if (!found.has(v) && buf.includes(v)) found.add(v)
  }
  return found
}
