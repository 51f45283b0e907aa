/**
 * Units of an assistance standard. Stored as ASCII codes (GraphQL enum values must be ASCII);
 * everything a person sees, and the domain rules, use the Chinese text.
 */
export const STANDARD_UNITS = [
  { value: 'person-month', label: '元/人·月' },
  { value: 'person-year', label: '元/人·年' },
  { value: 'household-month', label: '元/户·月' },
  { value: 'person-time', label: '元/人·次' },
  { value: 'household-time', label: '元/户·次' },
] as const

export type UnitValue = (typeof STANDARD_UNITS)[number]['value']
export type UnitLabel = (typeof STANDARD_UNITS)[number]['label']

export const unitLabel = (value: string | null | undefined): string => STANDARD_UNITS.find((u) => u.value === value)?.label ?? String(value ?? '')
export const unitValue = (label: string): UnitValue => {
  const u = STANDARD_UNITS.find((x) => x.label === label || x.value === label)
  if (!u) throw new Error(`未知的标准单位“${label}”。`)
  return u.value
}
