import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { projectRoot } from '../../cms/paths'

export const ferretdbBinary = path.join(projectRoot, '.tools', 'ferretdb', 'ferretdb')

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

export type RunningFerretDB = { uri: string; dataDir: string; stop: () => Promise<void> }

/** Starts a throw-away FerretDB (SQLite backend) on loopback and waits until it is live. */
export async function startFerretDB(): Promise<RunningFerretDB> {
  if (!fs.existsSync(ferretdbBinary)) {
    throw new Error(`FerretDB is not built. Run: npm run ferretdb:build  (needs Go: apt-get install -y golang-go)`)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ygjz-ferretdb-'))
  fs.mkdirSync(path.join(dir, 'sqlite'))
  const [port, debugPort] = [await freePort(), await freePort()]
  const child: ChildProcess = spawn(
    ferretdbBinary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${path.join(dir, 'sqlite')}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dir}`,
      '--telemetry=disable',
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--log-level=error',
    ],
    { env: { ...process.env, DO_NOT_TRACK: '1' }, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  let exited = false
  child.on('exit', () => (exited = true))
  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited) throw new Error('FerretDB exited during start-up (see its output above)')
    try {
      const res = await fetch(`http://127.0.0.1:${debugPort}/debug/livez`)
      if (res.ok) break
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('FerretDB did not become live within 30 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    dataDir: path.join(dir, 'sqlite'),
    stop: async () => {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))])
        if (!exited) child.kill('SIGKILL')
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
