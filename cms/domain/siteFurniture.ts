// Government-site furniture (政府网站标识): the formats of 网站标识码, ICP备案号 and 公安机关备案号,
// and the links the footer builds from them. Pure: the site settings validate with these, the
// export projects only values that pass, and the footer renders only what is set.

/** 网站标识码 (《政府网站发展指引》): 10 characters, digits (or a department prefix such as "bm") and digits. */
export function isWebsiteCode(v: string): boolean {
  return /^(?:\d{10}|[a-z]{2}\d{8})$/i.test(v.trim())
}

/** ICP备案号: 京ICP备12345678号, optionally -1 (site number); the province is one character. */
export function isIcpNumber(v: string): boolean {
  return /^\p{Script=Han}ICP备\d{6,10}号(?:-\d{1,3})?$/u.test(v.trim())
}

/** 公安机关备案号: 京公网安备 11010502030143号 (14 digits; a space after 备 is usual). */
export function isPoliceRecordNumber(v: string): boolean {
  return /^\p{Script=Han}公网安备\s?\d{14}号$/u.test(v.trim())
}

/** The digits of a 公安机关备案号, which the national record site's link takes. */
export function policeRecordCode(v: string): string | null {
  const m = /(\d{14})号$/.exec(v.trim())
  return m ? m[1] : null
}

/** An absolute http(s) address (依申请公开, the county portal, the 党政机关标识 certificate). */
export function isWebAddress(v: string): boolean {
  try {
    const u = new URL(v.trim())
    return (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname) && !/\s/.test(v.trim())
  } catch {
    return false
  }
}

export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/'
export const policeRecordUrl = (code: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`

/** A set value that has the format, trimmed; null otherwise (the footer then leaves it out). */
export function furnitureValue(v: unknown, valid: (s: string) => boolean): string | null {
  return typeof v === 'string' && v.trim() && valid(v) ? v.trim() : null
}
