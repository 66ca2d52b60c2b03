import { maskIdNumber, maskName, maskPhone } from '../../platform/pii.js';

const ID_NUMBER = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const LANDLINE = /(?<![0-9])(0[0-9]{2,3})-?[0-9]{7,8}(?![0-9])/g;
const BANK_CARD = /(?<![0-9*])[0-9]{16,19}(?![0-9])/g;
const SELF_NAMED = /(我叫|我的名字是|姓名[:：]?\s*)([\u4e00-\u9fa5]{2,3})/g;

/**
 * Removes personal details from a question or answer before it becomes a public FAQ entry: ID
 * numbers, mobile and landline numbers, bank card numbers, the names given (the member's own, for
 * example) and names introduced as “我叫…” or “姓名：…”. Staff review the result before publishing:
 * it is a pre-fill, not a guarantee.
 */
export function maskPersonalDetails(text: string, names: readonly string[] = []): string {
  let out = text
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (_m, area: string) => `${area}-********`)
    .replace(BANK_CARD, (m) => `${'*'.repeat(m.length - 4)}${m.slice(-4)}`)
    .replace(SELF_NAMED, (_m, lead: string, name: string) => `${lead}${maskName(name)}`);
  for (const name of names) if ([...name].length >= 2) out = out.split(name).join(maskName(name));
  return out;
}
