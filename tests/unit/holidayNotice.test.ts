// The paste importer reads the State Council's real notices exactly: every day of 2024, 2025 and
// 2026 equals the chinese-days package; malformed text gets Chinese problems that name the line.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { calendarEntriesFromChineseDays, createWorkCalendar, defaultWorkCalendar, isWorkingDay } from '../../cms/domain/calendar'
import { addDays, yearOf } from '../../cms/domain/dates'
import { HolidayNoticeError, parseHolidayNotice, readHolidayNotice } from '../../cms/domain/holidayNotice'
import { NOTICE_2027 } from '../fixtures/holidays/notice2027'

const fixture = (year: number) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'holidays', `${year}.txt`), 'utf8')
const bare = (name: string) => name.replace(/节$/, '')

describe('the real notices for 2024, 2025 and 2026', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`${year}: every entry and every day of the year equal chinese-days`, () => {
      const schedule = parseHolidayNotice(fixture(year), year)
      expect(schedule.holidays).toHaveLength(year === 2025 ? 6 : 7) // 2025: 国庆节、中秋节 in one item
      const expected = calendarEntriesFromChineseDays([year])
      expect(schedule.entries.map((e) => [e.date, e.kind])).toEqual(expected.map((e) => [e.date, e.kind]))
      expect(schedule.entries.map((e) => bare(e.name))).toEqual(expected.map((e) => bare(e.name)))
      const pasted = createWorkCalendar(schedule.entries, [year])
      const reference = defaultWorkCalendar()
      let days = 0
      for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1), days++) {
        expect(isWorkingDay(pasted, d), d).toBe(isWorkingDay(reference, d))
      }
      expect(days).toBe(year === 2024 ? 366 : 365)
    })
  }

  it('2024: the sentence about 除夕 is shown as ignored, not read as a rest day', () => {
    const s = parseHolidayNotice(fixture(2024), 2024)
    expect(s.ignored.map((i) => i.text)).toEqual([expect.stringContaining('除夕(2月9日)休息')])
    expect(s.entries.find((e) => e.date === '2024-02-09')).toBeUndefined()
  })

  it('2025: the combined 国庆节、中秋节 item names 10-06 中秋节 and the rest 国庆节', () => {
    const s = parseHolidayNotice(fixture(2025), 2025)
    const names = new Map(s.entries.map((e) => [e.date, e.name]))
    expect(names.get('2025-10-06')).toBe('中秋节')
    expect(names.get('2025-10-01')).toBe('国庆节')
    expect(names.get('2025-10-11')).toBe('国庆节')
  })

  it('reads the same with full-width or half-width punctuation, on one line or many', () => {
    const text = fixture(2026)
    const full = text.replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，')
    const oneLine = text.replace(/\s*\n\s*/g, '')
    const reference = parseHolidayNotice(text, 2026).entries
    expect(parseHolidayNotice(full, 2026).entries).toEqual(reference)
    expect(parseHolidayNotice(oneLine, 2026).entries).toEqual(reference)
  })
})

describe('malformed text: every problem, in Chinese, naming its line', () => {
  const with2027 = (from: string, to: string) => NOTICE_2027.replace(from, to)
  it('the hypothetical 2027 notice itself reads', () => {
    const s = parseHolidayNotice(NOTICE_2027, 2027)
    expect(s.entries.filter((e) => e.kind === 'off')).toHaveLength(3 + 8 + 3 + 5 + 1 + 1 + 7)
    expect(s.entries.filter((e) => e.kind === 'makeup').map((e) => e.date)).toEqual(['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'])
  })

  it.each<[string, string, RegExp]>([
    ['an impossible date', with2027('2月5日（农历除夕、周五）至12日', '2月5日（农历除夕、周五）至30日'), /第3行.*2月30日”不是有效日期/],
    ['a wrong weekday', with2027('4月3日（周六）', '4月3日（周日）'), /第4行.*写的是4月3日（周日），但2027年4月3日是周六/],
    ['a 上班 day that is a weekday', with2027('5月8日（周六）上班', '5月7日（周五）上班'), /第5行.*5月7日（周五）标为上班，但这天本来就是工作日/],
    ['共N天 that does not match', with2027('共7天', '共8天'), /第8行（国庆节）写“共8天”，但所列放假日期是7天（10月1日至10月7日）/],
    ['a statutory day outside the range', with2027('2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天', '2月6日（农历正月初一、周六）至12日（农历正月初七、周五）放假调休，共7天'), /第3行（春节）：按《全国年节及纪念日放假办法》（2024年修订），春节的法定假日2月5日（周五）应在放假日期内/],
    ['a missing holiday', with2027(/五、端午节：.*\n/.exec(NOTICE_2027)![0], ''), /没有找到端午节的安排/],
    ['a line that cannot be read', with2027('三、清明节：4月3日（周六）至5日（周一）放假，共3天。', '三、清明节：四月三日至五日放假，共3天。'), /第4行（“三、清明节:四月三日至五日放假,共3天。”）无法读懂：.*没有找到日期/],
    ['an unknown holiday name', `${NOTICE_2027}\n八、植树节：3月12日（周五）放假。`, /第9行.*不认识节日名称“植树节”/],
    ['the notice of another year', NOTICE_2027.replace('关于2027年', '关于2026年'), /粘贴的是2026年的通知，但要录入的是2027年/],
    ['a holiday twice', `${NOTICE_2027}\n八、元旦：1月1日（周五）放假1天。`, /第9行（元旦）：元旦在第2行已经出现过/],
    ['unrelated text', '今天天气很好。', /没有找到放假安排/],
    ['nothing pasted', '   ', /没有粘贴通知内容/],
  ])('%s', (_label, text, message) => {
    const { schedule, problems } = readHolidayNotice(text, 2027)
    expect(schedule).toBeNull()
    expect(problems.map((p) => p.message).join('\n')).toMatch(message)
    const err = (() => {
      try {
        parseHolidayNotice(text, 2027)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(HolidayNoticeError)
    expect((err as HolidayNoticeError).status).toBe(422)
    expect((err as Error).message).toMatch(/^放假通知没有录入，请改正后再试：/)
  })

  it('reports several problems at once (一次性告知), each with its line', () => {
    const text = with2027('4月3日（周六）', '4月3日（周日）').replace('共7天', '共9天')
    const { problems } = readHolidayNotice(text, 2027)
    expect(problems.map((p) => p.line)).toEqual([4, 8])
  })
})
