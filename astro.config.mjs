// @ts-check
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

/** Village pages beyond the first (other pages, other sort orders) repeat what page 1 says. */
const NOT_INDEXED = /^lists\/[^/]+\/[^/]+\/(?:by-[a-z]+|\d+)\//

/** Inline scripts (no src) of a page: the Content-Security-Policy allows exactly these, by hash. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g

/**
 * One pass over the built pages (wherever SITE_OUT_DIR puts them), once all are written:
 * - the Pagefind search index: only pages marked data-pagefind-body; Chinese is segmented by the
 *   extended Pagefind binary that the npm package ships;
 * - `csp.json` beside the client folder: the SHA-256 of every inline script, which the public
 *   server puts in its script-src.
 */
function pagefindIndex() {
  return {
    name: 'ygjz-pagefind',
    hooks: {
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} opts */
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now()
        const clientDir = fileURLToPath(dir)
        const pagefind = await import('pagefind')
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' })
        if (!index) throw new Error(`搜索索引创建失败：${errors.join('；')}`)
        let pages = 0
        const scriptHashes = new Set()
        // In path order, not directory order: an incremental build (pages restored from the cache)
        // and a full build of the same snapshot then write the same index (cms/publish/release.ts).
        const htmlFiles = fs
          .readdirSync(clientDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
          .map((entry) => path.relative(clientDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          .sort()
        for (const rel of htmlFiles) {
          const file = path.join(clientDir, rel)
          const content = fs.readFileSync(file, 'utf8')
          for (const m of content.matchAll(INLINE_SCRIPT)) scriptHashes.add(`sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}`)
          if (NOT_INDEXED.test(rel)) continue
          if (!content.includes('data-pagefind-body')) continue
          const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1')
          const res = await index.addHTMLFile({ url, content })
          if (res.errors.length) throw new Error(`搜索索引失败（${rel}）：${res.errors.join('；')}`)
          pages++
        }
        const written = await index.writeFiles({ outputPath: path.join(clientDir, 'pagefind') })
        if (written.errors.length) throw new Error(`写入搜索索引失败：${written.errors.join('；')}`)
        await pagefind.close()
        // Our search page talks to pagefind.js directly; the bundled UIs are never loaded.
        for (const name of fs.readdirSync(path.join(clientDir, 'pagefind'))) {
          if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name)) fs.rmSync(path.join(clientDir, 'pagefind', name))
        }
        fs.writeFileSync(path.join(clientDir, '..', 'csp.json'), JSON.stringify({ scriptHashes: [...scriptHashes].sort() }))
        // For the release's timings (publishLatency shows whether a whole search index stays cheap).
        fs.writeFileSync(path.join(clientDir, '..', 'build-timings.json'), JSON.stringify({ searchIndexMs: Date.now() - started, searchIndexPages: pages }))
        logger.info(`search index: ${pages} pages in ${Date.now() - started} ms`)
      },
    },
  }
}

// The public 阳光救助 column. Pages are prerendered from the masked snapshot; the few routes that
// must run per request (forms, tracking, health) opt out with `export const prerender = false`.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR || './dist',
  // The first address when several are listed (the public server accepts form posts from each);
  // a production release refuses to build without it (cms/publish/release.ts requirePublicSiteUrl).
  site: (process.env.PUBLIC_SITE_URL || '').split(',')[0].trim() || 'http://localhost:4321',
  output: 'static',
  // The public server (site/server) bounds each route's body as it streams; this is only the backstop.
  adapter: node({ mode: 'middleware', bodySizeLimit: 30 * 1024 * 1024 }),
  // The public server checks that form posts come from the site's own pages, against PUBLIC_SITE_URL
  // read when it starts and the scheme a trusted proxy reports. Astro's own check compares Origin
  // with the URL it rebuilds from the socket, which behind a TLS-terminating proxy is http:// —
  // every form would fail with "Cross-site POST form submissions are forbidden".
  security: { checkOrigin: false },
  integrations: [pagefindIndex()],
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Incremental releases (issue 19): the release build names a cache folder kept beside the
  // releases; pages whose getStaticPaths gives a cacheKey (site/lib/pageInputs.ts) and whose code
  // is unchanged are taken from it instead of rendered. Other builds (tests, `astro build`) are whole.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR, experimental: { incrementalBuild: true } } : {}),
  telemetry: false,
  vite: { logLevel: 'warn' },
})
