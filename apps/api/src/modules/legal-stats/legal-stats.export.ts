import { PassThrough, type Readable } from 'node:stream';
import {
  type ConsultationField,
  ConsultationFieldNames,
  type ConsultationFigures,
  type LectureFigures,
  type LegalAidFigures,
  type LegalAidOutcome,
  LegalAidOutcomeNames,
  type LegalStats,
  type LegalStatsQuery,
  type SupervisionFigures,
} from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { getLegalStats } from './legal-stats.service.js';

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
const orgLabel = (o: { orgName: string; own: boolean }) => `${o.orgName}（${o.own ? '本级' : '含下级'}）`;

const LECTURE_HEADERS = ['讲座场次', '报名人次', '出席人次', '出席率'];
const lectureCells = (f: LectureFigures) => [f.lectures, f.registrations, f.attended, pct(f.attendanceRate)];

const SUPERVISION_HEADERS = ['检查次数', '检查企业数', '需整改', '已整改', '整改率', '整改逾期'];
const supervisionCells = (f: SupervisionFigures) => [
  f.inspections,
  f.enterprises,
  f.needingRectification,
  f.rectified,
  pct(f.rectificationRate),
  f.overdue,
];

const num = (v: number | null) => (v === null ? '' : v);
const yuan = (fen: number) => Math.round(fen) / 100;

const CONSULTATION_HEADERS = [
  '咨询量',
  '已答复',
  '答复用时中位数（分钟）',
  '答复用时P90（分钟）',
  '评价数',
  '满意率（4星及以上）',
  '平均评分',
  '超时转派次数',
];
const consultationCells = (f: ConsultationFigures) => [
  f.asked,
  f.answered,
  num(f.answerMinutesMedian),
  num(f.answerMinutesP90),
  f.rated,
  pct(f.satisfaction),
  num(f.ratingMean),
  f.timedOut,
];

const AID_HEADERS = ['援助案件', '办理中', '已结案', '涉及金额（元）', '追回金额（元）'];
const aidCells = (f: LegalAidFigures) => [
  f.cases,
  f.open,
  f.closed,
  yuan(f.amountClaimedFen),
  yuan(f.amountRecoveredFen),
];

async function writeWorkbook(stats: LegalStats, out: PassThrough, watermark: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const title = `${stats.org.name} 法律服务统计 ${stats.from} 至 ${stats.to}`;
  const sheets: [string, string[], (string | number)[][], (string | number)[] | null][] = [
    [
      '法律咨询（按工会）',
      ['工会', ...CONSULTATION_HEADERS],
      stats.consultations.byOrg.map((o) => [orgLabel(o), ...consultationCells(o)]),
      ['合计', ...consultationCells(stats.consultations.totals)],
    ],
    [
      '法律咨询（按类别）',
      ['咨询类别', ...CONSULTATION_HEADERS],
      stats.consultations.byField.map((f) => [
        ConsultationFieldNames[f.field as ConsultationField] ?? f.field,
        ...consultationCells(f),
      ]),
      ['合计', ...consultationCells(stats.consultations.totals)],
    ],
    [
      '法律援助',
      ['工会', ...AID_HEADERS],
      stats.legalAid.byOrg.map((o) => [orgLabel(o), ...aidCells(o)]),
      ['合计', ...aidCells(stats.legalAid.totals)],
    ],
    [
      '援助结果',
      ['案件结果', '案件数'],
      stats.legalAid.byOutcome.map((o) => [
        LegalAidOutcomeNames[o.outcome as LegalAidOutcome] ?? o.outcome,
        o.count,
      ]),
      null,
    ],
    [
      '法律大讲堂',
      ['工会', ...LECTURE_HEADERS],
      stats.lectures.byOrg.map((o) => [orgLabel(o), ...lectureCells(o)]),
      ['合计', ...lectureCells(stats.lectures.totals)],
    ],
    [
      '劳动法律监督',
      ['工会', ...SUPERVISION_HEADERS],
      stats.supervision.byOrg.map((o) => [orgLabel(o), ...supervisionCells(o)]),
      ['合计', ...supervisionCells(stats.supervision.totals)],
    ],
    [
      '不合规项',
      ['检查项', '发现不合规的检查次数'],
      stats.supervision.nonCompliance.map((i) => [i.label, i.count]),
      null,
    ],
  ];
  for (const [name, headers, rows, total] of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 32 : 14 }));
    sheet.addRow([title]).commit();
    sheet.addRow([watermark]).commit();
    const header = sheet.addRow(headers);
    header.font = { bold: true };
    header.commit();
    for (const row of rows) sheet.addRow(row).commit();
    if (total) {
      const last = sheet.addRow(total);
      last.font = { bold: true };
      last.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** The statistics as xlsx (a sheet per service kind and one of non-compliant items), audited. */
export async function exportLegalStats(
  ctx: AppContext,
  actor: StaffActor,
  query: LegalStatsQuery,
  meta: RequestMeta,
): Promise<{ stream: Readable; filename: string }> {
  const stats = await getLegalStats(ctx, actor, query);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, {
    actor,
    action: 'legal_stats.export',
    orgId: stats.org.id,
    details: { from: stats.from, to: stats.to },
    meta,
  });
  const out = new PassThrough();
  const at = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeWorkbook(stats, out, `导出人：${actor.username} ${at}`).catch((err: unknown) => {
    ctx.log.error({ err }, 'legal statistics export failed');
    out.destroy(err as Error);
  });
  return { stream: out, filename: `legal-stats-${stats.from}-${stats.to}.xlsx` };
}
