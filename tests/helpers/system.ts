import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * One `npm start` at a time per checkout until it is up: the first one may build the admin into
 * cms/.next, and two builds into one folder break each other (several e2e files start systems).
 * The lock is a directory holding the owner's pid; a lock whose owner died is taken over.
 */
async function startLock(): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `ygjz-start-lock-${Buffer.from(path.resolve(import.meta.dirname, '..', '..')).toString('hex').slice(-24)}`)
  for (;;) {
    try {
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid))
      return () => fs.rmSync(dir, { recursive: true, force: true })
    } catch {
      const owner = Number(fs.readFileSync(path.join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0)
      let alive = false
      try {
        if (owner) process.kill(owner, 0)
        alive = owner > 0
      } catch {
        alive = false
      }
      if (!alive && owner) fs.rmSync(dir, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

export type RunningSystem = {
  cmsUrl: string
  publicUrl: string
  adminEmail: string
  adminPassword: string
  /** Every demo account's one-time password, by e-mail. */
  passwords: Record<string, string>
  dataDir: string
  output: () => string
  stop: () => Promise<void>
}

/** Runs `npm start`'s script on a throw-away data folder and free ports, as a new user would. */
export async function startSystem(): Promise<RunningSystem> {
  const release = await startLock()
  try {
    return await startSystemUnlocked()
  } finally {
    release()
  }
}

async function startSystemUnlocked(): Promise<RunningSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-sys-'))
  const [cmsPort, publicPort] = [await freePort(), await freePort()]
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, CMS_PORT: String(cmsPort), PUBLIC_PORT: String(publicPort), PUBLISH_DEBOUNCE_MS: '500' }
  delete env.DATABASE_URI
  delete env.PAYLOAD_SECRET
  delete env.TEST_MONGODB_URI
  delete env.TEST_POSTGRES_URI
  delete env.NODE_ENV
  delete env.VITEST
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const started = Date.now()
  while (!out.includes('按 Ctrl-C 停止')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (${child.exitCode}):\n${out.slice(-3000)}`)
    if (Date.now() - started > 600_000) {
      // Not up: stop it (and the admin build it may be running), so nothing is left behind.
      process.kill(-child.pid!, 'SIGKILL')
      throw new Error(`npm start did not come up:\n${out.slice(-3000)}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const passwords = Object.fromEntries([...out.matchAll(/(\S+@example\.com)\s+一次性密码 (\S+)/g)].map((m) => [m[1], m[2]]))
  const password = passwords['admin@example.com']
  if (!password) throw new Error('no one-time admin password printed')
  return {
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    publicUrl: `http://127.0.0.1:${publicPort}`,
    adminEmail: 'admin@example.com',
    adminPassword: password,
    passwords,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
