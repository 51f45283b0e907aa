// The inputs a page is rendered from, as an Astro `cacheKey` (issue 19, incremental releases).
//
// Why Astro's own incremental build (experimental.incrementalBuild, Astro 7.2+) and not a
// container-API renderer of our own: Astro stays the only renderer, a page is skipped only when
// both its cacheKey and the hash of its code (its module graph, computed by Astro) are unchanged,
// and a route that returns no cacheKey is always rendered. So a page type is incremental only
// where its getStaticPaths says what it reads; new page types are whole until they declare it.
//
// A key must cover everything the page shows. Every page shows the frame (Base.astro: site
// settings, the day the data is as of and the day it was generated; names of regions and
// programmes through the catalog), so each key starts with frameKey().
import crypto from 'node:crypto'
import { villageRowsOf } from './listPages'
import { loadSnapshot } from './snapshot'
import type { PublicList, Snapshot } from './snapshotSchema'

const digest = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url')

let frame: { snapshot: Snapshot; key: string } | undefined

/** What every page shows around its content. */
export function frameKey(): string {
  const s = loadSnapshot()
  if (frame?.snapshot === s) return frame.key
  // Base.astro prints the generation day as generatedAt's first ten characters; the key follows it.
  const key = digest([s.schemaVersion, s.asOf, s.generatedAt.slice(0, 10), s.site, s.regions, s.programmes])
  frame = { snapshot: s, key }
  return key
}

/** The cacheKey of a page rendered from the frame and `inputs`. */
export function pageInputs(...inputs: unknown[]): string {
  return `${frameKey()}.${digest(inputs)}`
}

const villageKeys = new Map<string, Map<string, string>>()

/** Per village of a list: the key of the rows its pages and its CSV show (in published order). */
export function villageRowsKey(list: PublicList, villageCode: string): string {
  let keys = villageKeys.get(list.id)
  if (!keys) {
    keys = new Map([...villageRowsOf(list)].map(([code, v]) => [code, digest(v.orders.no.map((r) => r.row))]))
    villageKeys.set(list.id, keys)
  }
  return keys.get(villageCode) ?? ''
}

/** The key of all rows of a list, village by village in the order its pages list them. */
export function listRowsKey(list: PublicList): string {
  return digest([...villageRowsOf(list).keys()].map((code) => [code, villageRowsKey(list, code)]))
}
