// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// The public 阳光救助 column. Pages are prerendered from the masked snapshot; the few routes that
// must run per request (forms, tracking, health) opt out with `export const prerender = false`.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR || './dist',
  site: process.env.PUBLIC_SITE_URL || 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  telemetry: false,
  vite: { logLevel: 'warn' },
})
