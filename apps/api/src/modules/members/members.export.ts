import { PassThrough, type Readable } from 'node:stream';
import {
  MEMBER_EXPORT_LIMIT,
  type MemberCategory,
  type MemberExportQuery,
  type MemberStatus,
} from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { exportTooLarge } from './members.errors.js';
import * as repo from './members.repository.js';
import { auditableFilter, memberFilterOf } from './members.service.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BATCH = 1000;

const HEADERS = [
  '姓名',
  '身份证号(脱敏)',
  '手机号(脱敏)',
  '性别',
  '出生日期',
  '工作单位',
  '所属工会',
  '入会日期',
  '状态',
  '人员类别',
];

const GENDER: Record<string, string> = { male: '男', female: '女' };
const STATUS: Record<MemberStatus, string> = {
  active: '在会',
  transferred_out: '已转出',
  left: '已退会',
  deceased: '已故',
};
const CATEGORY: Record<MemberCategory, string> = {
  migrant_worker: '农民工',
  model_worker: '劳动模范',
  hardship: '困难职工',
  new_form_worker: '新就业形态劳动者',
  unemployed: '失业人员',
  disabled: '残疾职工',
  veteran: '退役军人',
};

/** "2026-11-24 19:30" in China time (UTC+8), as the watermark shows it. */
function chinaMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function exportWatermark(actor: StaffActor, at: Date): string {
  return `导出人：${actor.username} ${chinaMinute(at)} 仅限工作使用`;
}

function rowOf(m: repo.MemberWithOrg): string[] {
  return [
    m.name,
    m.idMasked,
    m.phoneMasked,
    GENDER[m.gender] ?? m.gender,
    m.birthDate,
    m.employerName ?? '',
    m.orgName,
    m.joinedOn,
    STATUS[m.status as MemberStatus] ?? m.status,
    m.categories.map((c) => CATEGORY[c as MemberCategory] ?? c).join('、'),
  ];
}

async function writeWorkbook(
  ctx: AppContext,
  filter: repo.MemberFilter,
  watermark: string,
  out: PassThrough,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  // Excel header/footer codes: &C centres the text; & itself must be doubled.
  const printed = `&C${watermark.replace(/&/g, '&&')}`;
  const sheet = workbook.addWorksheet('会员', {
    headerFooter: { oddHeader: printed, oddFooter: printed, evenHeader: printed, evenFooter: printed },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = HEADERS.map((_, i) => ({ width: [10, 22, 15, 6, 12, 28, 28, 12, 8, 20][i] }));
  sheet.addRow([watermark]).commit();
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.commit();
  let afterId = 0;
  for (;;) {
    const batch = await repo.listMembersBatch(ctx.db, filter, afterId, BATCH);
    for (const m of batch) sheet.addRow(rowOf(m)).commit();
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1]!.id;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Streams the filtered members as xlsx: masked values only, a watermark naming who exported and
 * when on the first row and in the printed header and footer. Refused beyond the row limit;
 * audited with the filter and the row count before the first byte leaves.
 */
export async function exportMembers(
  ctx: AppContext,
  actor: StaffActor,
  query: MemberExportQuery,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const filter = await memberFilterOf(ctx, actor, query);
  const rows = await repo.countMembersUnder(ctx.db, filter);
  if (rows > MEMBER_EXPORT_LIMIT) throw exportTooLarge(rows);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, {
    actor,
    action: 'member.export',
    orgId: query.orgId ?? actor.orgId,
    targetType: 'member',
    details: { filter: auditableFilter(query), rows },
    meta,
  });
  const out = new PassThrough();
  writeWorkbook(ctx, filter, exportWatermark(actor, now), out).catch((err: unknown) => {
    ctx.log.error({ err }, 'member export failed');
    out.destroy(err as Error);
  });
  const stamp = chinaMinute(now).replace(/[-: ]/g, '');
  return { stream: out, filename: `members-${stamp}.xlsx` };
}
