import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute paths the CMS, scripts and tests agree on. Data lives under .data/ (git-ignored). */
// Inside the Next.js server bundle import.meta.url points into .next/, so the start script passes PROJECT_ROOT.
export const projectRoot = path.resolve(process.env.PROJECT_ROOT ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'))
export const cmsDir = path.join(projectRoot, 'cms')
/** Read at call time (not import time): tests and scripts set DATA_DIR before they boot Payload. */
export const dataDir = () => path.resolve(process.env.DATA_DIR ?? path.join(projectRoot, '.data'))
export const mediaDir = () => path.join(dataDir(), 'media')
export const migrationsDir = path.join(cmsDir, 'migrations')
export const postgresMigrationsDir = path.join(cmsDir, 'migrations-postgres')
