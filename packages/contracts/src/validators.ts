/**
 * Checks of Chinese identity codes, shared by the API and the web app. Each returns null when the
 * value is valid, or the rule it breaks (a stable code and an English sentence), so callers can say
 * which rule failed for which field or spreadsheet cell.
 */
export interface RuleViolation {
  rule: string;
  message: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export interface IdNumberFacts {
  birthDate: string;
  gender: 'male' | 'female';
  regionCode: string;
}

/** Upper-cases a trailing x and strips spaces, as people type them. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * GB 11643-1999 resident ID number: 6-digit region, 8-digit birth date, 3-digit sequence (odd for
 * men), check character. `today` bounds the birth date (no one born in the future or over 150 years ago).
 */
export function checkIdNumber(value: string, today: Date = new Date()): RuleViolation | null {
  if (!/^\d{17}[\dX]$/.test(value))
    return { rule: 'id_number.format', message: 'must be 18 characters: 17 digits and a digit or X' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { rule: 'id_number.birth_date', message: `has an impossible birth date ${value.slice(6, 14)}` };
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() > todayUtc || y < today.getUTCFullYear() - 150)
    return { rule: 'id_number.birth_date', message: `has a birth date ${value.slice(6, 14)} out of range` };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17])
    return { rule: 'id_number.check_digit', message: 'has a wrong check digit (GB 11643)' };
  return null;
}

/** Birth date, gender and region read from a valid ID number. */
export function idNumberFacts(value: string): IdNumberFacts {
  return {
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: value.slice(0, 6),
  };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

export function normalizeCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * GB 32100-2015 unified social credit code: 18 characters from the 31-character set (no I, O, S,
 * V, Z); positions 3–8 a region code; the last a check character over the first 17.
 */
export function checkCreditCode(value: string): RuleViolation | null {
  if (value.length !== 18 || [...value].some((c) => !CREDIT_CHARS.includes(c)))
    return {
      rule: 'credit_code.format',
      message: 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z',
    };
  if (!/^\d{6}$/.test(value.slice(2, 8)))
    return { rule: 'credit_code.region', message: 'must carry a six-digit region code in positions 3 to 8' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17])
    return { rule: 'credit_code.check_char', message: 'has a wrong check character (GB 32100)' };
  return null;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE_LINE = /^[48]00-?\d{3}-?\d{4}$/;

/**
 * An institution's contact phone: a mainland mobile number, a landline with its area code and an
 * optional extension (0371-65561234-801), or a 400/800 service number.
 */
export function checkContactPhone(value: string): RuleViolation | null {
  if (MOBILE.test(value) || LANDLINE.test(value) || SERVICE_LINE.test(value)) return null;
  return {
    rule: 'contact_phone.format',
    message:
      'must be a mobile number (11 digits starting with 1), a landline with its area code such as 0371-65561234, or a 400/800 number',
  };
}
