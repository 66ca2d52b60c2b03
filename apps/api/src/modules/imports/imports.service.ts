import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ImportListQuery,
  type ImportMode,
  MEMBER_CATEGORY_LABELS,
  type MemberCategory,
} from '@unionhub/contracts';
import type pg from 'pg';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { chinaToday, maskOrgName, newMemberColumns } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { importHasErrors, importNotFound, importNotReady } from './imports.errors.js';
import {
  type Cell,
  cellsInTemplateOrder,
  detectFileKind,
  type ImportFormat,
  openRoster,
  type RawRow,
} from './imports.file.js';
import * as repo from './imports.repository.js';
import { type CheckedRow, checkRow, IMPORT_COLUMN, type RowProblem, reportCells } from './imports.rows.js';

/** Rows checked, looked up and staged together: one registry query and one COPY per batch. */
const BATCH = 2000;
const PREVIEW = 50;
const ENTERPRISE_CACHE = 50_000;
const STATUS_REASON = '批量导入';
/** How long a checked import waits for its commit; then its staged rows and error report go. */
const CHECKED_KEEP_MS = 7 * 86_400_000;

export const importsDir = (ctx: AppContext) => join(ctx.config.dataDir, 'imports');

// One import runs at a time per process; the others wait in this chain.
const queues = new WeakMap<AppContext, Promise<void>>();

function enqueue(ctx: AppContext, work: () => Promise<void>): void {
  const tail = (queues.get(ctx) ?? Promise.resolve()).then(work).catch((err: unknown) => {
    ctx.log.error({ err }, 'import job crashed');
  });
  queues.set(ctx, tail);
}

/** Resolves when every queued import has finished (shutdown, tests). */
export function settleImports(ctx: AppContext): Promise<void> {
  return queues.get(ctx) ?? Promise.resolve();
}

/** The job if its union lies in the actor's subtree; otherwise "not found". */
export async function getImportInScope(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
): Promise<repo.ImportJobWithOrg> {
  const job = await repo.findJobById(ctx.db, id);
  if (!job || !pathInScope(actor, job.orgPath)) throw importNotFound(id);
  return job;
}

/** The first problems of a job, one line per problem, for the status answer. */
export async function previewProblems(ctx: AppContext, jobId: number) {
  const rows = await repo.listErrors(ctx.db, jobId, 0, PREVIEW);
  const out: { row: number; column: string; message: string }[] = [];
  for (const r of rows)
    for (const p of r.problems) if (out.length < PREVIEW) out.push({ row: r.rowNo, ...p });
  return out;
}

export async function listImports(ctx: AppContext, actor: StaffActor, query: ImportListQuery) {
  if (query.orgId) await getOrgInScope(ctx.db, actor, query.orgId, 'query.orgId');
  const pageSize = query.pageSize ?? 10;
  return repo.listJobs(
    ctx.db,
    { rootPath: actor.orgPath, orgId: query.orgId },
    { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize },
  );
}

export interface Upload {
  orgId: number;
  dryRun: boolean;
  mode: ImportMode;
  filename: string;
  /** Generated name of the file under DATA_DIR/imports. */
  storedFile: string;
  sha256: string;
  size: number;
}

/**
 * Accepts an uploaded roster: the union must be in scope, the file a spreadsheet by its bytes with
 * the template's required columns. The rows are read in the background; the answer is the job id.
 */
export async function startImport(
  ctx: AppContext,
  actor: StaffActor,
  upload: Upload,
  meta: RequestMeta,
): Promise<number> {
  const path = join(importsDir(ctx), upload.storedFile);
  let format: ImportFormat;
  try {
    await getOrgInScope(ctx.db, actor, upload.orgId, 'body.orgId');
    const kind = await detectFileKind(path, upload.size);
    const roster = await openRoster(path, kind);
    await roster.rows.return(undefined);
    format = kind.format;
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  const now = ctx.clock.now();
  await expireCheckedImports(ctx);
  const id = await inTransaction(ctx.db, async (tx) => {
    const jobId = await repo.insertJob(tx, {
      orgId: upload.orgId,
      createdBy: actor.id,
      filename: upload.filename.slice(0, 200),
      format,
      fileSha256: upload.sha256,
      storedFile: upload.storedFile,
      dryRun: upload.dryRun,
      mode: upload.mode,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'member.import_start',
      orgId: upload.orgId,
      targetType: 'import',
      targetId: jobId,
      details: {
        filename: upload.filename.slice(0, 200),
        sha256: upload.sha256,
        bytes: upload.size,
        format,
        dryRun: upload.dryRun,
        mode: upload.mode,
      },
      meta,
    });
    return jobId;
  });
  enqueue(ctx, () => runImport(ctx, id, actor, meta));
  return id;
}

/**
 * Commits a validated import: all its valid rows in one transaction. With all_or_nothing, a file
 * with any bad row is refused. The work runs in the background; the job reports progress.
 */
export async function commitImport(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  mode: ImportMode,
  meta: RequestMeta,
): Promise<void> {
  const job = await getImportInScope(ctx, actor, id);
  if (job.status !== 'validated') throw importNotReady(job.status);
  if (mode === 'all_or_nothing' && job.invalid > 0) throw importHasErrors(job.invalid);
  const now = ctx.clock.now();
  if (!(await repo.claimJob(ctx.db, id, 'validated', 'committing', now))) throw importNotReady('committing');
  await repo.updateJob(ctx.db, id, { mode, failure: null }, now);
  enqueue(ctx, () => runCommit(ctx, id, actor, meta));
}

function failureOf(err: unknown): { code: string; message: string } {
  if (err instanceof AppError && err.code === 'IMPORT_FILE_INVALID')
    return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: '读取或检查文件时出错，没有导入任何会员；请稍后重新上传' };
}

async function removeFile(ctx: AppContext, storedFile: string | null) {
  if (storedFile) await rm(join(importsDir(ctx), storedFile), { force: true });
}

async function runImport(ctx: AppContext, id: number, actor: StaffActor, meta: RequestMeta): Promise<void> {
  const job = await repo.findJobById(ctx.db, id);
  if (!job || !(await repo.claimJob(ctx.db, id, 'queued', 'validating', ctx.clock.now()))) return;
  await repo.updateJob(ctx.db, id, { startedAt: ctx.clock.now() }, ctx.clock.now());
  let counts: Counts;
  try {
    counts = await validateRows(ctx, job, actor);
  } catch (err) {
    if (!(err instanceof AppError)) ctx.log.error({ err, importId: id }, 'import validation failed');
    await repo.deleteStagedRows(ctx.db, id);
    await repo.deleteErrors(ctx.db, id);
    const at = ctx.clock.now();
    await repo.updateJob(
      ctx.db,
      id,
      // Nothing of a failed check is kept: no counts that would point at removed rows.
      {
        status: 'failed',
        failure: failureOf(err),
        valid: 0,
        invalid: 0,
        alreadyRegistered: 0,
        finishedAt: at,
        storedFile: null,
      },
      at,
    );
    return;
  } finally {
    await removeFile(ctx, job.storedFile);
  }
  const at = ctx.clock.now();
  const blocked = job.mode === 'all_or_nothing' && counts.invalid > 0;
  // Without a dry run the job goes straight on to its commit: a poller never sees it stop at validated.
  const commitNow = !job.dryRun && !blocked;
  await repo.updateJob(
    ctx.db,
    id,
    {
      ...counts,
      progress: 100,
      status: commitNow ? 'committing' : 'validated',
      validatedAt: at,
      storedFile: null,
      failure:
        !job.dryRun && blocked
          ? {
              code: 'IMPORT_HAS_ERRORS',
              message: `${counts.invalid} 行有错误，按“有错误时全部不导入”没有导入任何会员；请修正后重新上传，或选择“只导入正确的行”`,
            }
          : null,
    },
    at,
  );
  if (commitNow) await runCommit(ctx, id, actor, meta);
}

async function runCommit(ctx: AppContext, id: number, actor: StaffActor, meta: RequestMeta): Promise<void> {
  const job = (await repo.findJobById(ctx.db, id))!;
  const at = ctx.clock.now();
  try {
    await inTransaction(ctx.db, async (tx) => {
      const imported = await repo.moveStagedRows(tx, {
        jobId: id,
        actorId: actor.id,
        actorName: actor.username,
        reason: STATUS_REASON,
        at,
      });
      await repo.deleteStagedRows(tx, id);
      await recordAudit(tx, {
        actor,
        action: 'member.import',
        orgId: job.orgId,
        targetType: 'import',
        targetId: id,
        details: {
          filename: job.filename,
          mode: job.mode,
          total: job.total,
          valid: job.valid,
          invalid: job.invalid,
          alreadyRegistered: job.alreadyRegistered,
          imported,
          // People registered elsewhere between the check and the commit are left out.
          skippedMeanwhile: job.valid - imported,
        },
        meta,
      });
      await repo.updateJob(
        tx,
        id,
        { status: 'committed', imported, finishedAt: ctx.clock.now() },
        ctx.clock.now(),
      );
    });
  } catch (err) {
    ctx.log.error({ err, importId: id }, 'import commit failed');
    await repo.deleteStagedRows(ctx.db, id).catch(() => undefined);
    const now = ctx.clock.now();
    await repo.updateJob(
      ctx.db,
      id,
      {
        status: 'failed',
        finishedAt: now,
        failure: {
          code: 'COMMIT_FAILED',
          message: '写入会员时出错，没有导入任何会员；可以重新上传同一文件再导入',
        },
      },
      now,
    );
  }
}

interface Counts {
  total: number;
  processed: number;
  valid: number;
  invalid: number;
  alreadyRegistered: number;
}

type OrgCheck = { ok: true; org: repo.OrgFacts } | { ok: false; message: string };

function orgCheckOf(actor: StaffActor, id: number, org: repo.OrgFacts | undefined, named: boolean): OrgCheck {
  if (!org || !pathInScope(actor, org.path))
    return { ok: false, message: `找不到编号为 ${id} 的工会，或它不在您的管辖范围内` };
  if (org.status !== 'active') return { ok: false, message: `“${org.name}”已撤销，不能登记会员` };
  if (org.level !== 'grassroots')
    return {
      ok: false,
      message: named
        ? `“${org.name}”不是基层工会，会员只能登记在基层工会`
        : `未填写，而导入时选择的“${org.name}”不是基层工会；请在本列填写会员所在基层工会的编号`,
    };
  return { ok: true, org };
}

interface BadRow {
  rowNo: number;
  cells: Cell[];
  problems: RowProblem[];
}

/** Reads, checks and stages every row of the job's file; answers the counts. */
async function validateRows(ctx: AppContext, job: repo.ImportJobWithOrg, actor: StaffActor): Promise<Counts> {
  const path = join(importsDir(ctx), job.storedFile!);
  const { size } = await stat(path);
  let bytesRead = 0;
  const roster = await openRoster(path, await detectFileKind(path, size), (n) => {
    bytesRead += n;
  });
  const now = ctx.clock.now();
  const today = chinaToday(now);
  const counts: Counts = { total: 0, processed: 0, valid: 0, invalid: 0, alreadyRegistered: 0 };
  // A row without a union goes to the one chosen in the form (checked like any named one).
  const orgChecks = new Map<string, OrgCheck>();
  const enterpriseIds = new Map<string, number | null>();
  const client: pg.PoolClient | null =
    ctx.database.engine === 'postgres' ? await ctx.database.pool!.connect() : null;

  async function checkOrgs(ids: number[], named: boolean) {
    const key = (id: number) => `${named ? 'n' : 'd'}${id}`;
    const missing = [...new Set(ids)].filter((id) => !orgChecks.has(key(id)));
    if (!missing.length) return;
    const found = new Map((await repo.findOrgsByIds(ctx.db, missing)).map((o) => [o.id, o]));
    for (const id of missing) orgChecks.set(key(id), orgCheckOf(actor, id, found.get(id), named));
  }

  async function enterpriseOf(codes: string[]) {
    const missing = [...new Set(codes)].filter((c) => !enterpriseIds.has(c));
    if (!missing.length) return;
    if (enterpriseIds.size > ENTERPRISE_CACHE) enterpriseIds.clear();
    const found = await repo.findEnterpriseIds(ctx.db, missing);
    for (const code of missing) enterpriseIds.set(code, found.get(code) ?? null);
  }

  async function processBatch(raws: RawRow[]) {
    const bad: BadRow[] = [];
    const good: { rowNo: number; cells: Cell[]; row: CheckedRow }[] = [];
    for (const raw of raws) {
      const cells = cellsInTemplateOrder(raw, roster.columns);
      const checked = checkRow(cells, now, today);
      if (checked.ok) good.push({ rowNo: raw.rowNo, cells, row: checked.row });
      else bad.push({ rowNo: raw.rowNo, cells, problems: checked.problems });
    }
    await checkOrgs(
      good.filter((g) => g.row.orgId !== null).map((g) => g.row.orgId!),
      true,
    );
    if (good.some((g) => g.row.orgId === null)) await checkOrgs([job.orgId], false);
    await enterpriseOf(good.flatMap((g) => (g.row.creditCode ? [g.row.creditCode] : [])));

    const withOrg: { rowNo: number; cells: Cell[]; row: CheckedRow; org: repo.OrgFacts; idHash: Buffer }[] =
      [];
    for (const g of good) {
      const check = orgChecks.get(g.row.orgId === null ? `d${job.orgId}` : `n${g.row.orgId}`)!;
      if (!check.ok) bad.push({ ...g, problems: [{ column: IMPORT_COLUMN.orgId, message: check.message }] });
      else withOrg.push({ ...g, org: check.org, idHash: ctx.pii.lookupHash('id_number', g.row.idNumber) });
    }

    const holders = new Map(
      (
        await repo.findActiveByIdHashes(
          ctx.db,
          withOrg.map((w) => w.idHash),
        )
      ).map((h) => [h.idHash.toString('hex'), h]),
    );
    const staged: repo.StagedRow[] = [];
    for (const w of withOrg) {
      const holder = holders.get(w.idHash.toString('hex'));
      if (holder) {
        const same =
          holder.name === w.row.name && holder.phoneHash.equals(ctx.pii.lookupHash('phone', w.row.phone));
        if (holder.orgId === w.org.id && same) {
          counts.alreadyRegistered++;
          continue;
        }
        const where = pathInScope(actor, holder.orgPath) ? holder.orgName : maskOrgName(holder.orgName);
        bad.push({
          rowNo: w.rowNo,
          cells: w.cells,
          problems: [
            {
              column: IMPORT_COLUMN.idNumber,
              message:
                holder.orgId === w.org.id
                  ? '此人已是本工会会员，但姓名或手机号与已登记的不一致；请在会员管理中修改'
                  : `此人已是“${where}”的在会会员，需先办理会员关系转接`,
            },
          ],
        });
        continue;
      }
      staged.push({
        jobId: job.id,
        rowNo: w.rowNo,
        creditCode: w.row.creditCode,
        ...newMemberColumns(ctx, {
          org: w.org,
          name: w.row.name,
          idNumber: w.row.idNumber,
          facts: w.row.facts,
          phone: w.row.phone,
          employerName: w.row.employerName,
          employerId: w.row.creditCode ? (enterpriseIds.get(w.row.creditCode) ?? null) : null,
          joinedOn: w.row.joinedOn,
          categories: w.row.categories,
        }),
      });
    }
    if (client) await repo.copyStagedRows(client, staged);
    else await repo.insertStagedRows(ctx.db, staged);
    await repo.insertErrors(
      ctx.db,
      bad.map((b) => errorRow(ctx, job.id, b)),
    );
    counts.processed += raws.length;
    counts.valid += staged.length;
    counts.invalid += bad.length;
    const progress = Math.min(99, Math.floor((bytesRead * 100) / Math.max(size, 1)));
    await repo.updateJob(ctx.db, job.id, { ...counts, progress }, ctx.clock.now());
  }

  try {
    let batch: RawRow[] = [];
    for await (const raw of roster.rows) {
      if (++counts.total > ctx.config.importMaxRows) {
        await roster.rows.return(undefined);
        throw new AppError(
          'IMPORT_FILE_INVALID',
          `文件超过 ${ctx.config.importMaxRows} 行的上限，请拆分后分批导入`,
        );
      }
      batch.push(raw);
      if (batch.length === BATCH) {
        await processBatch(batch);
        batch = [];
      }
    }
    await processBatch(batch);
  } finally {
    client?.release();
  }
  const duplicates = await flagDuplicates(ctx, job);
  counts.valid -= duplicates;
  counts.invalid += duplicates;
  return counts;
}

function errorRow(ctx: AppContext, jobId: number, bad: BadRow) {
  return {
    jobId,
    rowNo: bad.rowNo,
    problems: bad.problems,
    cellsEnc: ctx.pii.seal(JSON.stringify(reportCells(bad.cells))),
  };
}

/**
 * Rows of the same person (ID number) inside one file: every one of them is an error naming the
 * others. Found in the staged rows with one grouping query, so memory does not grow with the file.
 */
async function flagDuplicates(ctx: AppContext, job: repo.ImportJobWithOrg): Promise<number> {
  const duplicates = await repo.findDuplicateRows(ctx.db, job.id);
  for (let i = 0; i < duplicates.length; i += 1000) {
    const part = duplicates.slice(i, i + 1000);
    const staged = new Map(
      (
        await repo.listStagedRows(
          ctx.db,
          job.id,
          part.map((d) => d.rowNo),
        )
      ).map((s) => [s.rowNo, s]),
    );
    const errors = part.map((d) => {
      const s = staged.get(d.rowNo)!;
      const cells: Cell[] = [
        s.name,
        ctx.pii.open(s.idEnc),
        ctx.pii.open(s.phoneEnc),
        s.joinedOn,
        s.employerName,
        s.creditCode,
        s.categories.map((c) => MEMBER_CATEGORY_LABELS[c as MemberCategory] ?? c).join('、'),
        s.orgId === job.orgId ? '' : String(s.orgId),
      ];
      return errorRow(ctx, job.id, {
        rowNo: d.rowNo,
        cells,
        problems: [
          {
            column: IMPORT_COLUMN.idNumber,
            message: `与第 ${d.others.join('、')} 行是同一人（身份证号重复）`,
          },
        ],
      });
    });
    await repo.insertErrors(ctx.db, errors);
    await repo.deleteStagedRows(
      ctx.db,
      job.id,
      part.map((d) => d.rowNo),
    );
  }
  return duplicates.length;
}

/**
 * Checked imports left uncommitted for a week are cancelled: the staged rows (sealed personal data)
 * and the bad rows behind the error report are removed. Runs at start and with every upload.
 */
export async function expireCheckedImports(ctx: AppContext): Promise<number[]> {
  const now = ctx.clock.now();
  return repo.expireCheckedJobs(
    ctx.db,
    new Date(now.getTime() - CHECKED_KEEP_MS),
    { code: 'EXPIRED', message: '检查后 7 天内没有导入，已作废；如需导入请重新上传文件' },
    now,
  );
}

/**
 * At start: imports a stopped process left running are marked failed (nothing of them is in
 * `members`: the move is one transaction) and their files removed; they can be uploaded again.
 */
export async function recoverImports(ctx: AppContext): Promise<number[]> {
  const now = ctx.clock.now();
  const ids = await repo.failInterruptedJobs(
    ctx.db,
    { code: 'INTERRUPTED', message: '服务重启，导入中断，没有导入任何会员；请重新上传文件' },
    now,
  );
  await expireCheckedImports(ctx);
  await mkdir(importsDir(ctx), { recursive: true, mode: 0o700 });
  for (const name of await readdir(importsDir(ctx))) await rm(join(importsDir(ctx), name), { force: true });
  return ids;
}
