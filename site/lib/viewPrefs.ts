// Large text and high contrast without JavaScript (issue 15). The choice is a cookie the release's
// on-demand routes read: `/view/?set=…` stores it and sends the resident back to the page, and
// every page links `/view.css`, which answers with the rules for the chosen modes (nothing when
// none is chosen). Static pages stay static and cacheable; only that small stylesheet varies.

export const VIEW_COOKIE = 'ygjz_view'
export type ViewPrefs = { large: boolean; contrast: boolean }

/** Reads the preference cookie from a Cookie header; anything unknown counts as "not chosen". */
export function parseViewPrefs(cookieHeader: string | null | undefined): ViewPrefs {
  const raw = (cookieHeader ?? '').split(';').map((p) => p.trim()).find((p) => p.startsWith(`${VIEW_COOKIE}=`))
  const flags = new Set((raw?.slice(VIEW_COOKIE.length + 1) ?? '').split('.'))
  return { large: flags.has('large'), contrast: flags.has('contrast') }
}

export function serialiseViewPrefs(p: ViewPrefs): string {
  return [p.large && 'large', p.contrast && 'contrast'].filter(Boolean).join('.') || 'none'
}

/** `text=large|normal`, `contrast=high|normal`, or `toggle=text|contrast` applied to the current choice. */
export function applyViewChange(current: ViewPrefs, q: URLSearchParams): ViewPrefs {
  const next = { ...current }
  const toggle = q.get('toggle')
  if (toggle === 'text') next.large = !next.large
  if (toggle === 'contrast') next.contrast = !next.contrast
  if (q.get('text') === 'large') next.large = true
  if (q.get('text') === 'normal') next.large = false
  if (q.get('contrast') === 'high') next.contrast = true
  if (q.get('contrast') === 'normal') next.contrast = false
  return next
}

/** Where to send the resident back to: a path on this site only (never another host). */
export function safeBack(back: string | null): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || back.includes('\\') || /[\u0000-\u001f]/.test(back)) return '/'
  return back.slice(0, 1000)
}

/** Large text: 150 % of the normal size (the normal root size is 112.5 %). */
const LARGE_TEXT = `:root{font-size:168.75%}
.site-title{font-size:1.25rem}
.view-large-off{display:none}.view-large-on{display:inline}`

/**
 * High contrast: white and yellow on black, every colour the pages use replaced, borders solid.
 * In Windows high-contrast (forced colours) the system's own colours apply instead (global.css).
 */
const HIGH_CONTRAST = `:root{--text:#fff;--muted:#f0f0f0;--bg:#000;--brand:#000;--link:#ff0;--visited:#ffd966;--focus:#0ff;--border:#fff;--rule:#fff;--panel:#000;--ok:#ff0;--error:#ff8080}
body{background:#000;color:#fff}
header.site,nav.main,footer.site{background:#000;border-bottom:2px solid #fff}
header.site a,nav.main a,.view-toggles a{color:#ff0}
a:focus-visible,header.site a:focus-visible{background:#0ff;color:#000}
.banner,.banner.info,.contact,.meta,.figures>div,.reply,thead th,tfoot td,tfoot th,.filters{background:#000;color:#fff;border-color:#fff}
.results mark{background:#ff0;color:#000}
.panel{background:#000;color:#fff;border:3px solid #ff0}.panel h1{color:#fff}
.button,button.button,a.button:visited{background:#ff0;color:#000;box-shadow:none;border:2px solid #ff0}
.button.secondary{background:#000;color:#ff0;border:2px solid #ff0}
.pager [aria-current='page']{background:#fff;color:#000}
.form input[type='text'],.form input[type='tel'],.form select,.form textarea,input[type='search'],select{background:#000;color:#fff;border-color:#fff}
.error-summary a,.error-message{color:#ff8080}
.status-live{color:#7fff7f}.status-soon{color:#ff0}.status-ended{color:#f0f0f0}
.chart svg{background:#fff}
.view-contrast-off{display:none}.view-contrast-on{display:inline}`

/**
 * The page's own stylesheet is inlined after this link, so every rule here is raised above it by
 * `html:root` (one more type selector than the page's rule it replaces).
 */
function raise(css: string): string {
  return css.replace(/(^|})([^{}]+)\{/g, (_, end: string, selectors: string) => `${end}${selectors.split(',').map((x) => (x.trim() === ':root' ? 'html:root' : `html:root ${x.trim()}`)).join(',')}{`)
}

export function viewCss(p: ViewPrefs): string {
  return [p.large && raise(LARGE_TEXT), p.contrast && raise(HIGH_CONTRAST)].filter(Boolean).join('\n') + '\n'
}
