import Type, { type Static } from 'typebox';
import { Id, StringEnum } from './common.js';
import type { MemberCategory } from './members.js';

/** 会员批量导入: a job's life — read and checked, then (on commit) written in one transaction. */
export const ImportStatuses = [
  'queued',
  'validating',
  'validated',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export type ImportStatus = (typeof ImportStatuses)[number];

/** all_or_nothing: any bad row blocks the import; skip_invalid: the good rows are imported. */
export const ImportModes = ['all_or_nothing', 'skip_invalid'] as const;
export type ImportMode = (typeof ImportModes)[number];

/** The roster template's columns, in order; a trailing * marks a required one. */
export const IMPORT_COLUMNS = [
  '姓名*',
  '身份证号*',
  '手机号*',
  '入会日期*',
  '工作单位',
  '统一社会信用代码',
  '人员类别',
  '所属工会编号',
] as const;

/** The categories as written in a roster (and shown in the console). */
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = {
  migrant_worker: '农民工',
  model_worker: '劳动模范',
  hardship: '困难职工',
  new_form_worker: '新就业形态劳动者',
  disabled: '残疾职工',
  veteran: '退役军人',
  unemployed: '失业人员',
};

export const ImportProblem = Type.Object({
  row: Type.Integer({ description: 'Row number in the file (the header is row 1)' }),
  column: Type.String({ description: 'The template column, e.g. 身份证号; 行 for the row as a whole' }),
  message: Type.String({ description: 'What is wrong, in Chinese' }),
});
export type ImportProblem = Static<typeof ImportProblem>;

const Time = Type.Union([Type.String(), Type.Null()]);

export const ImportJob = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  filename: Type.String(),
  format: StringEnum(['csv', 'xlsx'] as const),
  dryRun: Type.Boolean(),
  mode: StringEnum(ImportModes),
  status: StringEnum(ImportStatuses),
  total: Type.Integer({ minimum: 0, description: 'Data rows read so far (all of them once validated)' }),
  processed: Type.Integer({ minimum: 0, description: 'Rows checked so far' }),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'Share of the file read, in percent' }),
  valid: Type.Integer({ minimum: 0, description: 'Rows that would be imported' }),
  invalid: Type.Integer({ minimum: 0 }),
  alreadyRegistered: Type.Integer({
    minimum: 0,
    description: 'Rows of people already active in the same union with the same data: skipped',
  }),
  imported: Type.Integer({ minimum: 0, description: 'Members written by the commit' }),
  failure: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  errorReportUrl: Type.Union([Type.String(), Type.Null()]),
  errors: Type.Array(ImportProblem, { description: 'The first problems (at most 50)' }),
  createdBy: Type.String(),
  createdAt: Type.String(),
  startedAt: Time,
  validatedAt: Time,
  finishedAt: Time,
});
export type ImportJob = Static<typeof ImportJob>;

export const ImportJobSummary = Type.Omit(ImportJob, ['errors']);
export type ImportJobSummary = Static<typeof ImportJobSummary>;

export const ImportJobList = Type.Object({
  items: Type.Array(ImportJobSummary),
  total: Type.Integer({ minimum: 0 }),
});
export type ImportJobList = Static<typeof ImportJobList>;

export const ImportAccepted = Type.Object({ id: Id });

export const ImportListQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Imports chosen for this union' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type ImportListQuery = Static<typeof ImportListQuery>;

export const CommitImportBody = Type.Object(
  { mode: StringEnum(ImportModes) },
  { additionalProperties: false },
);
export type CommitImportBody = Static<typeof CommitImportBody>;

export const ImportTemplateQuery = Type.Object(
  { format: Type.Optional(StringEnum(['xlsx', 'csv'] as const)) },
  { additionalProperties: false },
);
export type ImportTemplateQuery = Static<typeof ImportTemplateQuery>;
