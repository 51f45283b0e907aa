// The deployment files say what the code does: units run the compiled bundles the build makes,
// each as its own user with the hardening the issue asks for, and the public server's files hold
// none of the CMS's secrets.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUNDLES } from '../../scripts/lib/serverBundles'
import { CMS_ONLY_VARIABLES } from '../../site/server/config'

const deploy = path.resolve(import.meta.dirname, '..', '..', 'deploy')
const read = (f: string) => fs.readFileSync(path.join(deploy, f), 'utf8')
const directives = (unit: string) => {
  const out: Record<string, string[]> = {}
  for (const line of read(unit).split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim())
    if (m) (out[m[1]] ??= []).push(m[2])
  }
  return out
}

describe('systemd units', () => {
  it.each(['systemd/ygjz-cms.service', 'systemd/ygjz-public.service'])('%s runs compiled JavaScript as its own user, hardened', (unit) => {
    const d = directives(unit)
    expect(d.User?.[0]).toMatch(/^ygjz-(cms|public)$/)
    expect(d.UMask).toEqual(['0077'])
    expect(d.NoNewPrivileges).toEqual(['yes'])
    expect(d.ProtectSystem).toEqual(['strict'])
    const commands = [...(d.ExecStart ?? []), ...(d.ExecStartPre ?? [])]
    for (const c of commands) {
      expect(c).not.toMatch(/tsx|--import|\.ts\b/)
      for (const m of c.matchAll(/\/opt\/ygjz\/build\/([\w-]+)\.mjs/g)) expect(Object.keys(BUNDLES)).toContain(m[1])
    }
    expect(commands.some((c) => c.includes('/opt/ygjz/build/') || c.includes('next start'))).toBe(true)
  })

  it('the two processes have different users, ports and secrets', () => {
    const cms = directives('systemd/ygjz-cms.service')
    const pub = directives('systemd/ygjz-public.service')
    expect(cms.User).not.toEqual(pub.User)
    expect(cms.EnvironmentFile).not.toEqual(pub.EnvironmentFile)
    expect(pub.Environment!.join(' ')).toContain('PUBLIC_PORT=')
    expect(cms.Environment!.join(' ')).toContain('CMS_PORT=')
    for (const name of CMS_ONLY_VARIABLES) {
      expect(pub.Environment!.join(' ')).not.toContain(`${name}=`)
      expect(read('env/public.env.example')).not.toMatch(new RegExp(`^${name}=`, 'm'))
    }
    for (const name of ['PAYLOAD_SECRET', 'ID_HASH_KEY', 'OUTBOX_PRIVATE_KEY', 'PUBLIC_FORM_KEY']) expect(read('env/cms.env.example')).toMatch(new RegExp(`^${name}=`, 'm'))
    for (const name of ['PUBLIC_FORM_KEY', 'OUTBOX_PUBLIC_KEY', 'CMS_URL', 'PUBLIC_SITE_URL', 'TRUST_PROXY']) expect(read('env/public.env.example')).toMatch(new RegExp(`^${name}=`, 'm'))
    // Both agree where releases and pins are.
    const value = (d: Record<string, string[]>, k: string) => new RegExp(`${k}=(\\S+)`).exec(d.Environment!.join(' '))?.[1]
    expect(value(cms, 'RELEASES_DIR')).toBe(value(pub, 'RELEASES_DIR'))
    expect(value(cms, 'RELEASE_PINS_DIR')).toBe(value(pub, 'RELEASE_PINS_DIR'))
    expect(value(pub, 'RELEASE_PINS_DIR')).toMatch(/^\/run\/ygjz-public\//)
  })
})

describe('nginx site', () => {
  it('closes the CMS on the public name and sends the real client address, not an appended one', () => {
    const conf = read('nginx/ygjz.conf')
    expect(conf).toMatch(/location \^~ \/admin \{\s*return 404;/)
    expect(conf).toMatch(/location \^~ \/api\/ \{\s*return 404;/)
    expect(conf).toContain('proxy_set_header X-Forwarded-For $remote_addr;')
    expect(conf).not.toContain('$proxy_add_x_forwarded_for')
    expect(conf).toMatch(/add_header Strict-Transport-Security "max-age=\d+" always;/)
    expect(conf).toMatch(/deny all;/)
  })
})
