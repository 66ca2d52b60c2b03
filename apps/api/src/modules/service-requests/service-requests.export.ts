import { PassThrough, type Readable } from 'node:stream';
import type { ServiceFigures, ServiceStats, ServiceStatsQuery } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { getServiceStats } from './service-requests.stats.js';

const FIGURE_HEADERS = [
  '申请件数',
  '待受理',
  '已受理',
  '办理中',
  '待补充',
  '已办结',
  '未通过',
  '已撤回',
  '受理用时中位数(小时)',
  '受理用时P90(小时)',
  '办结用时中位数(小时)',
  '办结用时P90(小时)',
  '逾期件数',
  '逾期率',
  '评价数',
  '平均评分',
  '满意率',
];

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

function figureCells(f: ServiceFigures): (string | number)[] {
  const s = (k: string) => f.byState[k] ?? 0;
  return [
    f.total,
    s('submitted'),
    s('accepted'),
    s('in_progress'),
    s('returned'),
    s('completed'),
    s('rejected'),
    s('withdrawn'),
    f.acceptHours.median ?? '',
    f.acceptHours.p90 ?? '',
    f.completeHours.median ?? '',
    f.completeHours.p90 ?? '',
    f.overdue,
    pct(f.overdueShare),
    f.ratings,
    f.ratingAverage ?? '',
    pct(f.satisfiedShare),
  ];
}

async function writeWorkbook(stats: ServiceStats, out: PassThrough, watermark: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheets: [string, string, (string | number)[][]][] = [
    ['按服务事项', '服务事项', stats.byService.map((s) => [s.serviceName, ...figureCells(s)])],
    [
      '按工会',
      '工会',
      stats.byOrg.map((o) => [o.own ? `${o.orgName}（本级）` : `${o.orgName}（含下级）`, ...figureCells(o)]),
    ],
  ];
  for (const [name, first, rows] of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.columns = [{ width: 30 }, ...FIGURE_HEADERS.map(() => ({ width: 12 }))];
    sheet.addRow([`${stats.org.name} 服务统计 ${stats.from} 至 ${stats.to}（按提交日期）`]).commit();
    sheet.addRow([watermark]).commit();
    const header = sheet.addRow([first, ...FIGURE_HEADERS]);
    header.font = { bold: true };
    header.commit();
    for (const row of rows) sheet.addRow(row).commit();
    const total = sheet.addRow(['合计', ...figureCells(stats.totals)]);
    total.font = { bold: true };
    total.commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The statistics as xlsx (one sheet per service, one per union), audited. */
export async function exportServiceStats(
  ctx: AppContext,
  actor: StaffActor,
  query: ServiceStatsQuery,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const stats = await getServiceStats(ctx, actor, query);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, {
    actor,
    action: 'service_stats.export',
    orgId: stats.org.id,
    details: { from: stats.from, to: stats.to },
    meta,
  });
  const out = new PassThrough();
  const at = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeWorkbook(stats, out, `导出人：${actor.username} ${at}`).catch((err: unknown) => {
    ctx.log.error({ err }, 'service statistics export failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `service-stats-${stats.from}-${stats.to}.xlsx` };
}
