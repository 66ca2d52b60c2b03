import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { MemberCategory } from '@unionhub/contracts';
import { MemberGenerator } from './members.js';
import { DEFAULT_SEED, generateProvince, type SyntheticOrg } from './province.js';

/** The member import template's header; the import parses exactly this. */
export const MEMBER_CSV_HEADER =
  '姓名,身份证号,手机号,入会日期,工作单位,统一社会信用代码,人员类别,所属工会编号';

/** The Chinese labels of the admin console (features/members/i18n.ts), as the template spells them. */
export const CATEGORY_LABELS: Record<MemberCategory, string> = {
  migrant_worker: '农民工',
  model_worker: '劳动模范',
  hardship: '困难职工',
  new_form_worker: '新就业形态劳动者',
  disabled: '残疾职工',
  veteran: '退役军人',
  unemployed: '失业人员',
};

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvOptions {
  seed?: number;
  /** The org tree the members belong to (所属工会编号 = its ids); generated from the seed if absent. */
  orgs?: readonly SyntheticOrg[];
  /** First member number (1-based), to write a later slice of the same province. */
  from?: number;
}

/**
 * Writes `n` synthetic members as the import template (UTF-8, header line, LF line ends):
 * 入会日期 YYYY-MM-DD, 人员类别 labels joined by 、, 所属工会编号 the org id, credit code left blank.
 */
export async function writeMembersCsv(path: string, n: number, opts: CsvOptions = {}): Promise<void> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const generator = new MemberGenerator(opts.orgs ?? generateProvince({ seed }), seed);
  const out = createWriteStream(path, { encoding: 'utf8' });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  out.write(`${MEMBER_CSV_HEADER}\n`);
  const from = opts.from ?? 1;
  let chunk = '';
  for (let id = from; id < from + n; id++) {
    const m = generator.member(id);
    chunk += `${[
      field(m.name),
      m.idNumber,
      m.phone,
      m.joinedOn,
      field(m.employerName),
      '',
      m.categories.map((c) => CATEGORY_LABELS[c]).join('、'),
      String(m.orgId),
    ].join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished;
}
