/* Payload's admin shell (shape from Payload's generated layout). */
import config from '@payload-config'
import '@payloadcms/next/css'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import type { ServerFunctionClient } from 'payload'
import React from 'react'
import { importMap } from './admin/importMap.js'
import { reviewedSchedulePublish } from '../../publish/scheduledPublish'
import './custom.scss'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  // 定时发布 goes through the two-person rule and pins the reviewed version (cms/publish/scheduledPublish.ts).
  return handleServerFunctions({ ...args, config, importMap, serverFunctions: { 'schedule-publish': reviewedSchedulePublish as never } })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
