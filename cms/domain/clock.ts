// The one clock. Every "now" and "today" in the CMS, the export, the seed, the dashboard and the site
// build comes from here; domain functions take the date as an argument instead of reading the wall clock.
// Production reads the wall clock in China time. Tests and the demo seed move it:
//   - in-process: setClock('2026-12-28') / setClock('2026-12-28T10:00:00+08:00') / setClock(null);
//   - across processes (npm start, child CLIs): CLOCK_AT=<ISO instant or YYYY-MM-DD> in the environment.
// A set clock keeps running from the instant it was set to, so timers and durations still behave.

const CHINA_OFFSET_MS = 8 * 3_600_000

type Setting = { at: number; setAtWall: number } | null

let setting: Setting = fromEnv(process.env.CLOCK_AT)

function parseInstant(value: string): number {
  // A plain day means 10:00 China time on that day: inside office hours, clear of midnight.
  const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T10:00:00+08:00` : value
  const ms = Date.parse(v)
  if (Number.isNaN(ms)) throw new Error(`时钟设置“${value.slice(0, 40)}”无效，应为 YYYY-MM-DD 或 ISO 时间（例如 2026-12-28T10:00:00+08:00）。`)
  return ms
}

function fromEnv(value: string | undefined): Setting {
  if (!value) return null
  return { at: parseInstant(value), setAtWall: Date.now() }
}

/** Moves the clock (tests, the demo seed). `null` returns to the wall clock. */
export function setClock(value: string | Date | number | null): void {
  if (value === null) {
    setting = null
    return
  }
  const at = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : parseInstant(value)
  setting = { at, setAtWall: Date.now() }
}

/**
 * Runs `fn` with the clock at `value`, then puts the clock back as it was (still running). For
 * writing history with the right timestamps (the demo seed's complaints) in a process that serves
 * nothing else meanwhile.
 */
export async function withClock<T>(value: string | Date | number, fn: () => Promise<T>): Promise<T> {
  const saved = setting
  setClock(value)
  try {
    return await fn()
  } finally {
    setting = saved
  }
}

/** True when the clock has been moved away from the wall clock. */
export function clockIsSet(): boolean {
  return setting !== null
}

/** Milliseconds since the epoch, on the one clock. */
export function nowMs(): number {
  return setting ? setting.at + (Date.now() - setting.setAtWall) : Date.now()
}

/** The current instant, on the one clock. */
export function now(): Date {
  return new Date(nowMs())
}

/** The current instant as an ISO string (what Payload stores in date fields). */
export function nowIso(): string {
  return now().toISOString()
}

/** Today's date in China (UTC+8, no DST) as 'YYYY-MM-DD'. */
export function today(): string {
  return new Date(nowMs() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** This month in China as 'YYYY-MM'. */
export function thisMonth(): string {
  return today().slice(0, 7)
}

/** The value to hand to a child process so it runs on the same clock (undefined when not set). */
export function clockEnv(): { CLOCK_AT?: string } {
  return setting ? { CLOCK_AT: now().toISOString() } : {}
}
