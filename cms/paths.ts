import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute paths the CMS, scripts and tests agree on. Data lives under .data/ (git-ignored). */
export const cmsDir = path.dirname(fileURLToPath(import.meta.url))
export const projectRoot = path.resolve(cmsDir, '..')
export const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(projectRoot, '.data'))
export const mediaDir = path.join(dataDir, 'media')
export const migrationsDir = path.join(cmsDir, 'migrations')
