// The bureau's name and the column's name on the login screen and in the header, from 站点设置,
// instead of Payload's logo. Drawn inline: the admin makes no request to another host.
import type { ServerProps } from 'payload'
import React from 'react'

async function names(payload: ServerProps['payload']): Promise<{ bureau: string; column: string }> {
  try {
    const s = (await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })) as { bureauName?: string; columnTitle?: string }
    return { bureau: s.bureauName || '民政局', column: s.columnTitle || '阳光救助' }
  } catch {
    return { bureau: '民政局', column: '阳光救助' }
  }
}

const Emblem = ({ size }: { size: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <circle cx="16" cy="16" r="15" fill="#c8102e" />
    <circle cx="16" cy="16" r="6" fill="#ffd54f" />
    {[0, 45, 90, 135, 180, 225, 270, 315].map((a) => (
      <rect key={a} x="15" y="3" width="2" height="5" rx="1" fill="#ffd54f" transform={`rotate(${a} 16 16)`} />
    ))}
  </svg>
)

/** Login screen: emblem, column name and bureau. */
export async function BrandLogo({ payload }: ServerProps) {
  const { bureau, column } = await names(payload)
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <Emblem size={48} />
      <div>
        <div style={{ fontSize: 24, fontWeight: 700 }}>{column}管理后台</div>
        <div style={{ fontSize: 14, opacity: 0.8 }}>{bureau}</div>
      </div>
    </div>
  )
}

/** Header and navigation: the emblem, named for screen readers. */
export async function BrandIcon({ payload }: ServerProps) {
  const { bureau, column } = await names(payload)
  return (
    <span title={`${bureau} · ${column}管理后台`} role="img" aria-label={`${bureau} · ${column}管理后台`} style={{ display: 'inline-flex' }}>
      <Emblem size={24} />
    </span>
  )
}
