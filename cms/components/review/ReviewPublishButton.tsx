'use client'
import { PublishButton, ServerFunctionsContext, useServerFunctions } from '@payloadcms/ui'
import React, { useMemo } from 'react'

/**
 * Payload's publish button, with one change: a refused schedule (two-person rule) is shown as the
 * Chinese refusal the server gave, not as "scheduled successfully" (Payload's drawer ignores errors
 * returned by the schedule server function).
 */
export function ReviewPublishButton(props: { label?: string }) {
  const fns = useServerFunctions()
  const value = useMemo(
    () => ({
      ...fns,
      schedulePublish: async (args: Parameters<typeof fns.schedulePublish>[0]) => {
        const result = await fns.schedulePublish(args)
        if (result && typeof result === 'object' && 'error' in result && result.error) throw new Error(String(result.error))
        return result
      },
    }),
    [fns],
  )
  return (
    <ServerFunctionsContext.Provider value={value as never}>
      <PublishButton {...props} />
    </ServerFunctionsContext.Provider>
  )
}
