import { PassThrough, type Readable } from 'node:stream';
import { JOB_CATEGORY_NAMES, type JobFigures, type JobStats, type JobStatsQuery } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { getJobStats } from './jobs.stats.js';

const HEADERS = ['发布岗位数', '在招岗位数', '在招人数', '求职申请数', '录用人数'];
const cells = (f: JobFigures) => [f.posted, f.openJobs, f.openPositions, f.applications, f.hires];

async function writeWorkbook(stats: JobStats, out: PassThrough, watermark: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheets: [string, string, (string | number)[][]][] = [
    ['按岗位类别', '岗位类别', stats.byCategory.map((c) => [JOB_CATEGORY_NAMES[c.category], ...cells(c)])],
    [
      '按工会',
      '工会',
      stats.byOrg.map((o) => [o.own ? `${o.orgName}（本级）` : `${o.orgName}（含下级）`, ...cells(o)]),
    ],
  ];
  for (const [name, first, rows] of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.columns = [{ width: 30 }, ...HEADERS.map(() => ({ width: 14 }))];
    sheet.addRow([`${stats.org.name} 就业服务统计 ${stats.from} 至 ${stats.to}（在招数为导出时）`]).commit();
    sheet.addRow([watermark]).commit();
    const header = sheet.addRow([first, ...HEADERS]);
    header.font = { bold: true };
    header.commit();
    for (const row of rows) sheet.addRow(row).commit();
    const total = sheet.addRow(['合计', ...cells(stats.totals)]);
    total.font = { bold: true };
    total.commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The employment statistics as xlsx (one sheet by category, one by union), audited. */
export async function exportJobStats(
  ctx: AppContext,
  actor: StaffActor,
  query: JobStatsQuery,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const stats = await getJobStats(ctx, actor, query);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, {
    actor,
    action: 'job_stats.export',
    orgId: stats.org.id,
    details: { from: stats.from, to: stats.to },
    meta,
  });
  const out = new PassThrough();
  const at = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeWorkbook(stats, out, `导出人：${actor.username} ${at}`).catch((err: unknown) => {
    ctx.log.error({ err }, 'job statistics export failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `job-stats-${stats.from}-${stats.to}.xlsx` };
}
