// Limits that keep one import bounded in time and memory. A city list is ~100,000 households; the
// limits leave headroom above that and refuse anything bigger early, with a message saying what to do.

export const IMPORT_LIMITS = Object.freeze({
  /** Uploaded file size. A 100,000-row .xlsx is ~6 MB, the same as CSV ~10 MB. */
  maxFileBytes: 30 * 1024 * 1024,
  /** Spreadsheet rows read from one sheet (data plus title, header and footer rows). */
  maxRows: 150_000,
  /** Rows of a notice's entries (stored inside the notice document). */
  maxNoticeEntries: 2_000,
  /** Columns kept per row. */
  maxColumns: 100,
  /** Characters kept per cell; longer cells are reported, not kept. */
  maxCellChars: 500,
  /** Uncompressed XML of one part of an .xlsx (zip-bomb guard). */
  maxXmlBytes: 400 * 1024 * 1024,
  /** Shared strings of an .xlsx, uncompressed. */
  maxSharedStringsBytes: 120 * 1024 * 1024,
  /** Rows scanned to find the header. */
  headerScanRows: 40,
  /** Issues returned to the browser (the downloadable report has them all). */
  maxIssuesInPreview: 1_000,
  /** Masked rows shown in the preview. */
  previewRows: 100,
})

export const fmtInt = (n: number) => n.toLocaleString('zh-CN')
export const fmtMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
