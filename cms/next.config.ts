import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(cmsDir, '..')

const nextConfig: NextConfig = {
  // node_modules and the shared domain code live one level up.
  outputFileTracingRoot: projectRoot,
  turbopack: { root: projectRoot },
  poweredByHeader: false,
  // The admin is never framed (clickjacking); stored files are downloads with their own CSP (see Media).
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
      ],
    },
  ],
  // Loaded from node_modules at run time rather than bundled: chinese-days ships ESM under a CommonJS
  // package.json, which Turbopack refuses to bundle.
  serverExternalPackages: ['chinese-days'],
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
