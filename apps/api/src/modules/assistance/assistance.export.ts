import { PassThrough, type Readable } from 'node:stream';
import {
  type AssistanceKind,
  AssistanceKindLabels,
  type AssistanceStatsQuery,
  HardshipCauseLabels,
  HardshipTierLabels,
} from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { getAssistanceStats } from './assistance.stats.js';

const LEVELS: Record<string, string> = {
  grassroots: '基层工会',
  county: '县（区）总工会',
  city: '市总工会',
  province: '省总工会',
};
const yuan = (fen: number) => Math.round(fen) / 100;

/** 帮扶统计 as xlsx: one sheet per table, audited. */
export async function exportAssistanceStats(
  ctx: AppContext,
  actor: StaffActor,
  q: AssistanceStatsQuery,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const s = await getAssistanceStats(ctx, actor, q);
  await recordAudit(ctx.db, {
    actor,
    action: 'assistance_stats.export',
    orgId: s.org.id,
    details: { from: s.from, to: s.to },
    meta,
  });
  const out = new PassThrough();
  const sheets: [string, string[], (string | number)[][]][] = [
    [
      '困难家庭',
      ['类别', '项目', '户数'],
      [
        ...s.households.byTier.map((t) => [
          '困难等级',
          HardshipTierLabels[t.tier as keyof typeof HardshipTierLabels] ?? '未达标准',
          t.count,
        ]),
        ...s.households.byCause.map((c) => [
          '致困原因',
          HardshipCauseLabels[c.cause as keyof typeof HardshipCauseLabels] ?? c.cause,
          c.count,
        ]),
      ],
    ],
    [
      '年度复核',
      ['按期复核', '逾期后复核', '当前逾期未复核'],
      [[s.rechecks.onTime, s.rechecks.late, s.rechecks.overdue]],
    ],
    [
      '帮扶情况',
      ['帮扶类别', '申请件数', '申请金额(元)', '核定金额(元)', '已发放(元)'],
      s.byKind.map((k) => [
        AssistanceKindLabels[k.kind as AssistanceKind],
        k.count,
        yuan(k.requestedFen),
        yuan(k.approvedFen),
        yuan(k.paidFen),
      ]),
    ],
    [
      '审核用时',
      ['审核层级', '审核件数', '中位数(小时)', 'P90(小时)'],
      s.reviewHours.map((r) => [LEVELS[r.level] ?? r.level, r.count, r.medianHours ?? '', r.p90Hours ?? '']),
    ],
    [
      '预算使用',
      ['工会', '年度', '预算(元)', '已审批(元)', '已发放(元)'],
      s.budgets.map((b) => [b.org.name, b.year, yuan(b.amountFen), yuan(b.committedFen), yuan(b.paidFen)]),
    ],
  ];
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    for (const [name, headers, rows] of sheets) {
      const sheet = workbook.addWorksheet(name);
      sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 26 : 16 }));
      sheet.addRow([`${s.org.name} 帮扶统计 ${s.from} 至 ${s.to}`]).commit();
      sheet.addRow([`导出人：${actor.username}`]).commit();
      const header = sheet.addRow(headers);
      header.font = { bold: true };
      header.commit();
      for (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((err: unknown) => {
    ctx.log.error({ err }, 'assistance statistics export failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `assistance-stats-${s.from}-${s.to}.xlsx` };
}
