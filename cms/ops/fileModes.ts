import fs from 'node:fs'
import path from 'node:path'

/**
 * The data folder holds the database, uploads, the mail outbox (password-reset links), secrets and
 * backups: only its owner may read it (folders 0700, files 0600). Releases are the public site —
 * they pass the privacy gates and are read by the public server's own user — so they are skipped.
 * Processes run with umask 077 (`npm start`, the systemd units' UMask=0077), so new files come out
 * right; this finds what was made wider before, or by hand.
 */
export type ModeProblem = { path: string; mode: string; want: string }

export function wideModes(root: string, { skip = ['releases'], limit = 20 }: { skip?: string[]; limit?: number } = {}): ModeProblem[] {
  const problems: ModeProblem[] = []
  const visit = (p: string, rel: string) => {
    if (problems.length >= limit) return
    let st: fs.Stats
    try {
      st = fs.lstatSync(p)
    } catch {
      return
    }
    if (st.isSymbolicLink()) return
    const mode = st.mode & 0o777
    if (st.isDirectory()) {
      if (mode & 0o077) problems.push({ path: rel || '.', mode: mode.toString(8).padStart(4, '0'), want: '0700' })
      let names: string[] = []
      try {
        names = fs.readdirSync(p)
      } catch {}
      for (const n of names) if (!(rel === '' && skip.includes(n))) visit(path.join(p, n), rel ? `${rel}/${n}` : n)
    } else if (mode & 0o077) problems.push({ path: rel, mode: mode.toString(8).padStart(4, '0'), want: '0600' })
  }
  visit(root, '')
  return problems
}

/** A Chinese warning for the start-up log, or null when every mode is tight. */
export function modeWarning(root: string, what = '数据目录'): string | null {
  const problems = wideModes(root)
  if (!problems.length) return null
  const list = problems.slice(0, 5).map((p) => `${p.path}（${p.mode}，应为 ${p.want}）`).join('、')
  return `${what} ${root} 中有其他用户可以读取的文件或文件夹：${list}${problems.length > 5 ? ' 等' : ''}。请运行 find ${root} -path ${root}/releases -prune -o -exec chmod go-rwx {} +（发布目录 releases 是公开内容，不必收紧）。`
}
