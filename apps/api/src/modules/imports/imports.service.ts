import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportListQuery, ImportMode } from '@unionhub/contracts';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { type Counts, validateRows } from './imports.check.js';
import { expireCheckedImports } from './imports.cleanup.js';
import { runCommit } from './imports.commit.js';
import { importHasErrors, importNotFound, importNotReady } from './imports.errors.js';
import { detectFileKind, type ImportFormat, importsDir, openRoster } from './imports.file.js';
import * as repo from './imports.repository.js';

/**
 * Uploads and their queue: a roster is accepted, read and checked in the background
 * (imports.check.ts), then committed (imports.commit.ts); one import runs at a time per process.
 */

const PREVIEW = 50;

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
