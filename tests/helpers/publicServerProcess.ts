import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildServerBundles, bundlePath } from '../../scripts/lib/serverBundles'
import { freePort } from './system'

const projectRoot = path.resolve(import.meta.dirname, '..', '..')

/** Compiles the public server as `npm run build` does, into a folder of this test's own (inside the project, so packages resolve). */
export async function compiledPublicServer(): Promise<{ file: string; cleanup: () => void }> {
  const dir = path.join(projectRoot, 'build', `test-${crypto.randomBytes(4).toString('hex')}`)
  await buildServerBundles(dir)
  return { file: bundlePath('public-server', dir), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

export type PublicServerProcess = { url: string; port: number; pid: number; output: () => string; status: () => Record<string, number>; exited: () => boolean; exitCode: () => number | null; stop: () => Promise<void> }

const kb = (v: string | undefined) => Number(v?.trim().split(/\s+/)[0] ?? 0)

/** Runs the compiled public server in its own process, as production does, with only the environment given. */
export async function startPublicServerProcess(file: string, env: Record<string, string>, port?: number): Promise<PublicServerProcess> {
  const p = port ?? (await freePort())
  const child: ChildProcess = spawn(process.execPath, [file], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', PROJECT_ROOT: projectRoot, PUBLIC_HOST: '127.0.0.1', PUBLIC_PORT: String(p), ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const started = Date.now()
  while (!out.includes('public server listening')) {
    if (child.exitCode !== null) throw new Error(`public server exited (${child.exitCode}):\n${out.slice(-3000)}`)
    if (Date.now() - started > 30_000) throw new Error(`public server did not start:\n${out.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url: `http://127.0.0.1:${p}`,
    port: p,
    pid: child.pid!,
    output: () => out,
    /** VmRSS and VmHWM (peak) of the process, in KiB. */
    status: () => {
      const s = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return { rss: kb(/VmRSS:(.*)/.exec(s)?.[1]), hwm: kb(/VmHWM:(.*)/.exec(s)?.[1]) }
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}
