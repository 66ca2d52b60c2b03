import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './imports.repository.js';

const STATUS_REASON = '批量导入';

/** Moves a validated import's staged rows into the registry in one transaction, audited; on failure nothing is kept. */
export async function runCommit(
  ctx: AppContext,
  id: number,
  actor: StaffActor,
  meta: RequestMeta,
): Promise<void> {
  const job = (await repo.findJobById(ctx.db, id))!;
  const at = ctx.clock.now();
  let lost = false;
  try {
    await inTransaction(ctx.db, async (tx) => {
      // Staged rows live in an unlogged table: a database crash since the check empties it.
      if ((await repo.countStagedRows(tx, id)) !== job.valid) {
        lost = true;
        throw new Error(`import ${id}: staged rows lost since the check`);
      }
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
    if (!lost) ctx.log.error({ err, importId: id }, 'import commit failed');
    await repo.deleteStagedRows(ctx.db, id).catch(() => undefined);
    const now = ctx.clock.now();
    await repo.updateJob(
      ctx.db,
      id,
      {
        status: 'failed',
        finishedAt: now,
        failure: lost
          ? {
              code: 'STAGED_ROWS_LOST',
              message: '检查后服务器曾重启，暂存的数据已清除，没有导入任何会员；请重新上传同一文件',
            }
          : {
              code: 'COMMIT_FAILED',
              message: '写入会员时出错，没有导入任何会员；可以重新上传同一文件再导入',
            },
      },
      now,
    );
  }
}
