// The matcher of the search that works without JavaScript (issue 15).
import { describe, expect, it } from 'vitest'
import { queryTerms, searchEntries, type SearchEntry } from '../../site/lib/searchIndex'

const e = (u: string, t: string, w = '', extra: Partial<SearchEntry> = {}): SearchEntry => ({ u, t, k: '公示', w, p: [], r: [], m: [], d: '', ...extra })
const index = [
  e('/a/', '白沙镇西岭村2026年10月农村低保保障名单', '西岭村 白沙镇西岭村', { p: ['农村低保'], r: ['白沙镇'], d: '2026-10' }),
  e('/b/', '白沙镇西岭村2026年9月农村低保保障名单', '西岭村', { p: ['农村低保'], r: ['白沙镇'], d: '2026-09' }),
  e('/c/', '柳林镇东岭村临时救助名单', '东岭村', { p: ['临时救助'], r: ['柳林镇'] }),
  e('/d/', '清河县最低生活保障办法', 'QHMF〔2026〕3号'),
]

describe('search without JavaScript', () => {
  it.each([
    ['西岭村', ['西岭', '岭村']],
    ['低保 西岭', ['低保', '西岭']],
    ['村', ['村']],
    ['QHMF', ['qhmf']],
    ['  ', []],
  ])('terms of %j', (q, terms) => expect(queryTerms(q)).toEqual(terms))

  it.each([
    ['西岭村', ['/a/', '/b/']],
    ['西岭', ['/a/', '/b/']],
    ['岭村', ['/a/', '/b/', '/c/']],
    ['东岭村', ['/c/']],
    ['qhmf〔2026〕3号', ['/d/']],
    ['ＱＨＭＦ', ['/d/']],
    ['北京', []],
  ])('finds %j', (q, urls) => expect(searchEntries(index, q).map((x) => x.u)).toEqual(urls))

  it('filters by programme, township and month, and puts whole-title matches and newer entries first', () => {
    expect(searchEntries(index, '岭村', { region: '柳林镇' }).map((x) => x.u)).toEqual(['/c/'])
    expect(searchEntries(index, '名单', { programme: '农村低保' }).map((x) => x.u)).toEqual(['/a/', '/b/'])
    expect(searchEntries(index, '西岭村', { month: '2026年9月' }).map((x) => x.u)).toEqual([])
  })
})
