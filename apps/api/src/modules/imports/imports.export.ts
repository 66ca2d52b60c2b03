import { PassThrough, Readable } from 'node:stream';
import {
  creditCodeCheckChar,
  IMPORT_COLUMNS,
  idNumberCheckChar,
  MEMBER_CATEGORY_LABELS,
} from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { HEADERS } from './imports.file.js';
import * as repo from './imports.repository.js';
import { getImportInScope } from './imports.service.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

const exampleId = () => {
  const first17 = '41010519900307123';
  return `${first17}${idNumberCheckChar(first17)}`;
};
const exampleCredit = () => {
  const first17 = '91410105MA44B0NL6';
  return `${first17}${creditCodeCheckChar(first17)}`;
};

/** The example row of the template: a made-up person, in every column's expected form. */
function exampleRow(): string[] {
  return [
    '张三',
    exampleId(),
    '13800138000',
    '2024-05-01',
    '郑州市金水区示例科技有限公司',
    exampleCredit(),
    '农民工、新就业形态劳动者',
    '',
  ];
}

const INSTRUCTIONS: [string, string][] = [
  ['姓名*', '必填。2到30个汉字或字母；少数民族姓名中间用“·”分隔。'],
  [
    '身份证号*',
    '必填。18位居民身份证号码，最后一位可以是X；请以文本格式填写，避免 Excel 把它变成科学计数法。',
  ],
  ['手机号*', '必填。11位手机号码。'],
  [
    '入会日期*',
    '必填。如 2024-05-01、2024/05/01、20240501，或 Excel 日期；不能晚于今天，也不能早于出生日期。',
  ],
  ['工作单位', '选填。不超过100个字。'],
  ['统一社会信用代码', '选填。18位，按 GB 32100 校验；已登记的企业会自动关联。'],
  [
    '人员类别',
    `选填。可填多个，用顿号、逗号或分号分隔：${Object.values(MEMBER_CATEGORY_LABELS).join('、')}。`,
  ],
  ['所属工会编号', '选填。会员所在基层工会的编号；不填则导入到导入页面选择的工会。'],
  ['', ''],
  ['说明', '第一行为表头，请勿修改；示例行“张三”仅作参考，导入前请删除。'],
  ['说明', '同一文件重复导入不会产生重复会员：已在本工会登记且信息一致的人员会被跳过。'],
  ['说明', '先“检查”再“导入”：检查不会写入任何数据，出错的行可下载错误报告修改后重新上传。'],
];

export async function writeTemplate(
  format: 'xlsx' | 'csv',
): Promise<{ body: Readable; type: string; filename: string }> {
  if (format === 'csv') {
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const text = `\ufeff${[IMPORT_COLUMNS.map(quote).join(','), exampleRow().map(quote).join(',')].join('\r\n')}\r\n`;
    return {
      body: Readable.from([Buffer.from(text, 'utf8')]),
      type: CSV_TYPE,
      filename: 'member-import-template.csv',
    };
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  // ID numbers, phones and codes as text, so Excel keeps every digit.
  sheet.columns = IMPORT_COLUMNS.map((_, i) => ({
    width: [10, 22, 14, 12, 30, 22, 24, 14][i],
    style: [1, 2, 5, 7].includes(i) ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow([...IMPORT_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  sheet.addRow(exampleRow()).commit();
  sheet.commit();
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 90 }];
  const title = help.addRow(['列', '填写要求']);
  title.font = { bold: true };
  title.commit();
  for (const line of INSTRUCTIONS) help.addRow(line).commit();
  help.commit();
  void workbook.commit();
  return { body: out, type: XLSX_TYPE, filename: 'member-import-template.xlsx' };
}

async function writeReport(ctx: AppContext, jobId: number, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ['行号', ...HEADERS, '错误说明'].map((_, i) => ({
    width: [8, 10, 22, 14, 12, 30, 22, 24, 14, 60][i],
    style: i >= 1 && i <= 8 ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow(['行号', ...HEADERS, '错误说明']);
  header.font = { bold: true };
  header.commit();
  let after = 0;
  for (;;) {
    const batch = await repo.listErrors(ctx.db, jobId, after, 1000);
    for (const e of batch) {
      const cells = JSON.parse(ctx.pii.open(e.cellsEnc)) as string[];
      const row = sheet.addRow([
        e.rowNo,
        ...cells,
        e.problems.map((p) => `${p.column}：${p.message}`).join('；'),
      ]);
      row.getCell(10).font = { color: { argb: 'FFC00000' } };
      row.commit();
    }
    if (batch.length < 1000) break;
    after = batch[batch.length - 1]!.rowNo;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The bad rows of an import as xlsx: 行号, the original cells (with full ID numbers: the uploader's
 * own data) and 错误说明 in Chinese. Audited, since it holds personal data.
 */
export async function exportErrorReport(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const job = await getImportInScope(ctx, actor, id);
  await recordAudit(ctx.db, {
    actor,
    action: 'member.import_error_report',
    orgId: job.orgId,
    targetType: 'import',
    targetId: id,
    details: { rows: job.invalid },
    meta,
  });
  const out = new PassThrough();
  writeReport(ctx, id, out).catch((err: unknown) => {
    ctx.log.error({ err }, 'import error report failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `import-${id}-errors.xlsx` };
}
