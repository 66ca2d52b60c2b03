import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { importsDir } from './imports.file.js';
import * as repo from './imports.repository.js';

/** How long a checked import waits for its commit; then its staged rows and error report go. */
const CHECKED_KEEP_MS = 7 * 86_400_000;

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
