// @ts-check
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

/** Village pages beyond the first (other pages, other sort orders) repeat what page 1 says. */
const NOT_INDEXED = /^lists\/[^/]+\/[^/]+\/(?:by-[a-z]+|\d+)\//

/**
 * Builds the Pagefind search index over the client output (wherever SITE_OUT_DIR puts it) once all
 * pages are written. Only pages marked data-pagefind-body are indexed; Chinese is segmented by the
 * extended Pagefind binary that the npm package ships.
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
        for (const entry of fs.readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue
          const file = path.join(entry.parentPath, entry.name)
          const rel = path.relative(clientDir, file).split(path.sep).join('/')
          if (NOT_INDEXED.test(rel)) continue
          const content = fs.readFileSync(file, 'utf8')
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
  site: process.env.PUBLIC_SITE_URL || 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [pagefindIndex()],
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  telemetry: false,
  vite: { logLevel: 'warn' },
})
