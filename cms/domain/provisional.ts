// How a provisional (暂定) date is named wherever it is shown: admin, receipt, tracking page, public
// notice and its A4 print. Kept apart from ./calendar so the public site can use it without the
// calendar data.

/** The note beside a provisional date. */
export const PROVISIONAL_NOTE = '截止日期暂按法定节假日推算，国务院公布安排后自动复核'

/** The mark after a provisional date ("2027年1月4日（暂定）"). */
export const PROVISIONAL_MARK = '（暂定）'
