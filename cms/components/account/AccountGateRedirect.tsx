'use client'
import React, { useEffect } from 'react'

/**
 * Sends an account that still has to change its one-time password (or enter its second factor)
 * to the account-security screen: until then the server answers every other request with "no".
 */
export function AccountGateRedirect({ children }: { children?: React.ReactNode }) {
  useEffect(() => {
    if (window.location.pathname.includes('/account-security') || window.location.pathname.includes('/login')) return
    void fetch('/api/users/me', { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then((me: { user?: { accountGate?: string | null } } | null) => {
        if (me?.user?.accountGate) window.location.assign('/admin/account-security')
      })
      .catch(() => {})
  }, [])
  return <>{children}</>
}
