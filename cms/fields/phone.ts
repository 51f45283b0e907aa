import { parsePhoneNumbers } from '../domain/disclosure'

/**
 * A structured phone field (咨询电话, 监督电话) holds phone numbers only, so it can count as an
 * official contact (cms/domain/disclosure.ts); anything else there would be published as free text.
 */
export const validatePhoneField = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || parsePhoneNumbers(String(value))
    ? true
    : '请只填写电话号码，例如 0999-6123456；多个号码用顿号分隔，可加“转分机号”。不要填写姓名、地址或说明文字。'
