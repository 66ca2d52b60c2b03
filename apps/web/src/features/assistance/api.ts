import type {
  AssistanceDetail,
  AssistanceQuery,
  AssistanceStats,
  AssistanceStatsQuery,
  AssistanceSummary,
  Attachment,
  Batch,
  BatchResultsBody,
  BudgetView,
  CreateHardshipFileBody,
  HardshipFileDetail,
  HardshipFileQuery,
  HardshipFileSummary,
  KindConfig,
  MemberApplyBody,
  PutKindConfigBody,
  PutTierRulesBody,
  RecheckBody,
  ReviewAction,
  ReviewBody,
  SetBudgetBody,
  TierRule,
  UpdateHardshipFileBody,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile, memberApi } from '../../lib/api';

type Page<T> = { items: T[]; total: number };
type Query = Record<string, string | number | boolean | undefined>;

// 困难职工档案
export const listFiles = (query: HardshipFileQuery) =>
  adminApi.get<Page<HardshipFileSummary>>('/hardship/files', { query: { ...query } as Query });
export const getFile = (id: number) => adminApi.get<HardshipFileDetail>(`/hardship/files/${id}`);
export const getFileFull = (id: number, reason: string) =>
  adminApi.post<HardshipFileDetail>(`/hardship/files/${id}/full-view`, { reason });
export const createFile = (body: CreateHardshipFileBody) =>
  adminApi.post<HardshipFileDetail>('/hardship/files', body);
export const updateFile = (id: number, body: UpdateHardshipFileBody) =>
  adminApi.request<HardshipFileDetail>('PATCH', `/hardship/files/${id}`, { body });
export const recheckFile = (id: number, body: RecheckBody) =>
  adminApi.post<HardshipFileDetail>(`/hardship/files/${id}/recheck`, body);
export const closeFile = (id: number, reason: string) =>
  adminApi.post<HardshipFileDetail>(`/hardship/files/${id}/close`, { reason });
export const getTierRules = () =>
  adminApi.get<{
    items: { regionPrefix: string; rules: TierRule[]; updatedAt: string | null }[];
    defaults: TierRule[];
  }>('/hardship/tier-rules');
export const putTierRules = (body: PutTierRulesBody) =>
  adminApi.request('PUT', '/hardship/tier-rules', { body });

// 帮扶申请
export const listApplications = (query: AssistanceQuery) =>
  adminApi.get<Page<AssistanceSummary>>('/assistance/applications', { query: { ...query } as Query });
export const getApplication = (id: number) =>
  adminApi.get<AssistanceDetail>(`/assistance/applications/${id}`);
export const reviewApplication = (id: number, action: ReviewAction, body: ReviewBody) =>
  adminApi.post<AssistanceDetail>(`/assistance/applications/${id}/${action}`, body);
export const downloadApplicationFile = (id: number, attachmentId: number): Promise<DownloadedFile> =>
  adminApi.download(`/assistance/applications/${id}/attachments/${attachmentId}`);

// 资金预算 and 发放批次
export const getBudget = (orgId: number, year: number) =>
  adminApi.get<BudgetView>('/assistance/budgets', { query: { orgId, year } });
export const setBudget = (body: SetBudgetBody) =>
  adminApi.request<BudgetView>('PUT', '/assistance/budgets', { body });
export const getLedger = (orgId: number, year: number) =>
  adminApi.get<{ items: LedgerEntry[] }>('/assistance/ledger', { query: { orgId, year } });
export interface LedgerEntry {
  id: number;
  entry: 'allocation' | 'payment';
  kind: AssistanceSummary['kind'];
  year: number;
  amountFen: number;
  balanceFen: number | null;
  applicationId: number | null;
  batchId: number | null;
  note: string | null;
  actorName: string;
  createdAt: string;
}
export const listBatches = (orgId?: number) =>
  adminApi.get<{ items: Omit<Batch, 'items'>[] }>('/assistance/batches', { query: { orgId } });
export const getBatch = (id: number) => adminApi.get<Batch>(`/assistance/batches/${id}`);
export const createBatch = (orgId: number, applicationIds: number[]) =>
  adminApi.post<Batch>('/assistance/batches', { orgId, applicationIds });
export const exportBatch = (id: number) => adminApi.download(`/assistance/batches/${id}/bank.xlsx`);
export const recordResults = (id: number, body: BatchResultsBody) =>
  adminApi.post<Batch>(`/assistance/batches/${id}/results`, body);

// 审核与限额
export const listConfigs = (orgId: number) =>
  adminApi.get<{ items: KindConfig[] }>('/assistance/configs', { query: { orgId } });
export const putConfig = (body: PutKindConfigBody) =>
  adminApi.request<{ items: KindConfig[] }>('PUT', '/assistance/configs', { body });
export const resetConfig = (orgId: number, kind: KindConfig['kind']) =>
  adminApi.request<{ items: KindConfig[] }>('DELETE', '/assistance/configs', { query: { orgId, kind } });

// 帮扶统计
export const getStats = (query: AssistanceStatsQuery) =>
  adminApi.get<AssistanceStats>('/assistance/stats', { query: { ...query } });
export const exportStats = (query: AssistanceStatsQuery) =>
  adminApi.download('/assistance/stats.xlsx', { query: { ...query } });

// The member app
export const applyForAssistance = (body: MemberApplyBody) =>
  memberApi.post<AssistanceDetail>('/me/assistance', body);
export const listMyAssistance = () => memberApi.get<Page<AssistanceSummary>>('/me/assistance');
export const getMyAssistance = (id: number) => memberApi.get<AssistanceDetail>(`/me/assistance/${id}`);
export const resubmitMyAssistance = (id: number, comment: string) =>
  memberApi.post<AssistanceDetail>(`/me/assistance/${id}/resubmit`, { comment });
export const withdrawMyAssistance = (id: number) =>
  memberApi.post<AssistanceDetail>(`/me/assistance/${id}/withdraw`, {});
export const listNotices = () =>
  memberApi.get<{
    items: {
      id: number;
      maskedName: string;
      orgName: string;
      kind: AssistanceSummary['kind'];
      amountFen: number;
      approvedAt: string;
      noticeUntil: string;
    }[];
  }>('/me/assistance/notices');
export type { Attachment };

/** 123456 fen → "1,234.56" */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Saves a downloaded file under its name. */
export function saveFile(file: DownloadedFile, fallback: string) {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallback;
  a.click();
  URL.revokeObjectURL(url);
}
