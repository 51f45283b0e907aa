import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A throw-away PostgreSQL cluster for tests and migration generation: `initdb` + `pg_ctl` from
 * Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin), in a temp dir, on a free
 * loopback port, Unix socket in the same dir. No system service, nothing left behind.
 * PostgreSQL refuses to run as root; under root the server runs as the `postgres` system user
 * that the package creates.
 */
export type RunningPostgres = { uri: string; dataDir: string; binDir: string; stop: () => Promise<void> }

/** The newest installed server's bin dir (PG_BIN_DIR overrides). */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR
  const base = '/usr/lib/postgresql'
  if (!fs.existsSync(base)) return null
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(base, versions[0], 'bin') : null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))
  if (!line) throw new Error('以 root 运行时需要 postgres 系统用户（apt-get install -y postgresql 会创建它）。')
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

export async function startPostgres(): Promise<RunningPostgres> {
  const binDir = postgresBinDir()
  if (!binDir) throw new Error('PostgreSQL is not installed. Run: apt-get install -y postgresql  (or set PG_BIN_DIR)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-pg-'))
  const dataDir = path.join(dir, 'data')
  const user = runAs()
  if (user) fs.chownSync(dir, user.uid, user.gid)
  const opts: SpawnOptions = { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8' } }
  const init = spawnSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { ...opts, encoding: 'utf8' })
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`)
  }
  const port = await freePort()
  // Test settings: no fsync (the cluster is thrown away), loopback and a socket in our own dir only.
  const child: ChildProcess = spawn(
    path.join(binDir, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'shared_buffers=128MB'],
    { ...opts, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  child.stderr!.on('data', (d) => (log = (log + d).slice(-5000)))
  let exited = false
  child.on('exit', () => (exited = true))
  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited) throw new Error(`PostgreSQL exited during start-up:\n${log}`)
    const ready = spawnSync(path.join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { encoding: 'utf8' })
    if (ready.status === 0) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    uri: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    binDir,
    stop: async () => {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r))
        child.kill('SIGINT') // fast shutdown
        await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))])
        if (!exited) child.kill('SIGKILL')
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
