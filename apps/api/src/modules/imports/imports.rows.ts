import {
  checkCreditCode,
  checkIdNumber,
  type IdNumberFacts,
  idNumberFacts,
  MEMBER_CATEGORY_LABELS,
  type MemberCategory,
  normalizeCreditCode,
  normalizeIdNumber,
} from '@unionhub/contracts';
import { joinDateProblem } from '../members/index.js';
import { type Cell, cellText, HEADERS } from './imports.file.js';

/**
 * The rules of one roster row, as the members module applies them to a single registration,
 * with every problem said in Chinese for the error report.
 */

export interface RowProblem {
  column: string;
  message: string;
}

export interface CheckedRow {
  name: string;
  idNumber: string;
  facts: IdNumberFacts;
  phone: string;
  joinedOn: string;
  employerName: string | null;
  creditCode: string | null;
  categories: MemberCategory[];
  /** The union the row names; null means the union chosen in the form. */
  orgId: number | null;
}

const col = {
  name: HEADERS[0]!,
  idNumber: HEADERS[1]!,
  phone: HEADERS[2]!,
  joinedOn: HEADERS[3]!,
  employerName: HEADERS[4]!,
  creditCode: HEADERS[5]!,
  categories: HEADERS[6]!,
  orgId: HEADERS[7]!,
};
export const IMPORT_COLUMN = col;

const NAME = /^[\u3400-\u9fffA-Za-z·]{2,30}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const labelToCategory = new Map(
  Object.entries(MEMBER_CATEGORY_LABELS).map(([key, label]) => [label, key as MemberCategory]),
);
const CATEGORY_LIST = Object.values(MEMBER_CATEGORY_LABELS).join('、');

const ID_MESSAGES: Record<string, string> = {
  'id_number.format': '应为18位：17位数字加最后一位数字或X',
  'id_number.birth_date': '其中的出生日期不存在或超出范围',
  'id_number.check_digit': '最后一位校验码不正确',
};
const CREDIT_MESSAGES: Record<string, string> = {
  'credit_code.format': '应为18位，由数字和大写字母组成（不含 I、O、S、V、Z）',
  'credit_code.region': '第3到8位应为行政区划代码',
  'credit_code.check_char': '最后一位校验码不正确',
};

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD from a date cell, an Excel serial number, or text as YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD. */
export function parseJoinDate(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // exceljs reads a date cell as that calendar day at 00:00 UTC.
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') {
    if (cell >= 19_000_101 && cell <= 29_991_231 && Number.isInteger(cell))
      return parseJoinDate(String(cell));
    if (cell < 1 || cell > 2_958_465) return null;
    // Excel's day 0 is 1899-12-30 (it counts a 29 Feb 1900 that never was).
    const ms = Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** Checks one row's cells (template order); the row's values, or every problem found. */
export function checkRow(
  cells: Cell[],
  now: Date,
  today: string,
): { ok: true; row: CheckedRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const add = (column: string, message: string) => problems.push({ column, message });

  const name = cellText(cells[0]).replace(/\s+/g, '');
  if (!name) add(col.name, '必填');
  else if (!NAME.test(name)) add(col.name, '应为2到30个汉字或字母，少数民族姓名用·分隔');

  let idNumber = '';
  let facts: IdNumberFacts | null = null;
  const idCell = cells[1];
  if (typeof idCell === 'number') add(col.idNumber, '请以文本格式填写（数字格式会丢失末几位）');
  else {
    idNumber = normalizeIdNumber(cellText(idCell));
    if (!idNumber) add(col.idNumber, '必填');
    else {
      const violation = checkIdNumber(idNumber, now);
      if (violation) add(col.idNumber, ID_MESSAGES[violation.rule] ?? '格式不正确');
      else facts = idNumberFacts(idNumber);
    }
  }

  const phone = cellText(cells[2]).replace(/[\s-]/g, '');
  if (!phone) add(col.phone, '必填');
  else if (!MOBILE.test(phone)) add(col.phone, '应为11位手机号码');

  const joinedText = cellText(cells[3]);
  const joinedOn = joinedText ? parseJoinDate(cells[3] ?? null) : null;
  if (!joinedText) add(col.joinedOn, '必填');
  else if (!joinedOn) add(col.joinedOn, '应为日期，如 2024-05-01、2024/05/01 或 20240501');
  else {
    const dateProblem = joinDateProblem(joinedOn, facts?.birthDate ?? '', today);
    if (dateProblem?.rule === 'joined_on.future') add(col.joinedOn, '不能晚于今天');
    else if (dateProblem) add(col.joinedOn, '不能早于出生日期');
  }

  const employerName = cellText(cells[4]) || null;
  if (employerName && employerName.length > 100) add(col.employerName, '不能超过100个字');

  const creditRaw = cellText(cells[5]);
  const creditCode = creditRaw ? normalizeCreditCode(creditRaw) : null;
  if (creditCode) {
    const violation = checkCreditCode(creditCode);
    if (violation) add(col.creditCode, CREDIT_MESSAGES[violation.rule] ?? '格式不正确');
  }

  const categories: MemberCategory[] = [];
  for (const label of cellText(cells[6]).split(/[、,，;；]/)) {
    const text = label.trim();
    if (!text) continue;
    const category = labelToCategory.get(text);
    if (!category) add(col.categories, `不认识“${text}”，可填：${CATEGORY_LIST}`);
    else if (!categories.includes(category)) categories.push(category);
  }

  const orgText = cellText(cells[7]);
  let orgId: number | null = null;
  if (orgText) {
    if (/^\d{1,15}$/.test(orgText) && Number(orgText) > 0) orgId = Number(orgText);
    else add(col.orgId, '应为工会编号（数字），不填则导入到所选工会');
  }

  if (problems.length || !facts) return { ok: false, problems };
  return {
    ok: true,
    row: { name, idNumber, facts, phone, joinedOn: joinedOn!, employerName, creditCode, categories, orgId },
  };
}

/** Cells as the error report repeats them: text as the uploader wrote it, dates as YYYY-MM-DD. */
export function reportCells(cells: Cell[]): string[] {
  return cells.map((c, i) =>
    i === 3 && c !== null && typeof c !== 'string' ? (parseJoinDate(c) ?? cellText(c)) : cellText(c),
  );
}
