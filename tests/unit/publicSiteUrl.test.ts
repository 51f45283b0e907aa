// A production release refuses to build without the address residents use (issue 15).
import { describe, expect, it } from 'vitest'
import { requirePublicSiteUrl } from '../../cms/publish/release'

describe('PUBLIC_SITE_URL for a release', () => {
  it.each([
    [{ NODE_ENV: 'production' }, /PUBLIC_SITE_URL.*未设置/],
    [{ NODE_ENV: 'production', PUBLIC_SITE_URL: '' }, /未设置/],
    [{ NODE_ENV: 'production', PUBLIC_SITE_URL: 'jiuzhu.example.gov.cn' }, /jiuzhu\.example\.gov\.cn/],
    [{ NODE_ENV: 'production', PUBLIC_SITE_URL: 'ftp://jiuzhu.example.gov.cn' }, /ftp:/],
  ])('refuses in production: %j', (env, message) => {
    expect(() => requirePublicSiteUrl(env as NodeJS.ProcessEnv)).toThrow(message)
  })
  it.each([
    [{ NODE_ENV: 'production', PUBLIC_SITE_URL: 'https://jiuzhu.example.gov.cn' }],
    [{ NODE_ENV: 'production', PUBLIC_SITE_URL: 'https://jiuzhu.example.gov.cn, https://www.example.gov.cn' }],
    [{ NODE_ENV: 'development' }],
    [{ NODE_ENV: 'test' }],
  ])('builds: %j', (env) => {
    expect(() => requirePublicSiteUrl(env as NodeJS.ProcessEnv)).not.toThrow()
  })
})
