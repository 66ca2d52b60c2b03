import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MEMBER_CATEGORY_LABELS, type MemberCategory } from '@unionhub/contracts';
import type pg from 'pg';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { chinaToday, createMemberEncoder, maskOrgName } from '../members/index.js';
import {
  type Cell,
  cellsInTemplateOrder,
  detectFileKind,
  importsDir,
  openRoster,
  type RawRow,
} from './imports.file.js';
import * as repo from './imports.repository.js';
import { type CheckedRow, checkRow, IMPORT_COLUMN, type RowProblem, reportCells } from './imports.rows.js';

/** Rows checked, looked up and staged together: one registry query and one COPY per batch. */
const BATCH = 2000;
const ENTERPRISE_CACHE = 50_000;
/** Files from this size on (about 10,000 rows) are encoded on the encoder's threads. */
const THREADED_FROM_BYTES = 1024 * 1024;
/** Batches between two updates of the job's counts and progress. */
const PROGRESS_EVERY = 5;

export interface Counts {
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
export async function validateRows(
  ctx: AppContext,
  job: repo.ImportJobWithOrg,
  actor: StaffActor,
): Promise<Counts> {
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
  // Small files are encoded in this thread: starting threads costs more than it saves below a few batches.
  const encoder = createMemberEncoder(ctx, size >= THREADED_FROM_BYTES ? ctx.config.importThreads : 0);

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

  /** Everything a batch needs before it is written: rules, unions, sealed columns, registry holders. */
  async function prepareBatch(raws: RawRow[], read: number) {
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

    const withOrg: { rowNo: number; cells: Cell[]; row: CheckedRow; org: repo.OrgFacts }[] = [];
    for (const g of good) {
      const check = orgChecks.get(g.row.orgId === null ? `d${job.orgId}` : `n${g.row.orgId}`)!;
      if (!check.ok) bad.push({ ...g, problems: [{ column: IMPORT_COLUMN.orgId, message: check.message }] });
      else withOrg.push({ ...g, org: check.org });
    }
    // Sealed before the registry lookup: the lookup needs the ID-number hashes the encoder makes, and
    // a row already registered (a rerun) is rare enough that sealing it for nothing costs little.
    const columns = await encoder.encode(
      withOrg.map((w) => ({
        org: { id: w.org.id, provinceCode: w.org.provinceCode, regionCode: w.org.regionCode },
        name: w.row.name,
        idNumber: w.row.idNumber,
        facts: w.row.facts,
        phone: w.row.phone,
        employerName: w.row.employerName,
        employerId: w.row.creditCode ? (enterpriseIds.get(w.row.creditCode) ?? null) : null,
        joinedOn: w.row.joinedOn,
        categories: w.row.categories,
      })),
    );
    const holders = new Map(
      (
        await repo.findActiveByIdHashes(
          ctx.db,
          columns.map((c) => c.idHash),
        )
      ).map((h) => [h.idHash, h]),
    );
    const staged: repo.StagedRow[] = [];
    let alreadyRegistered = 0;
    withOrg.forEach((w, i) => {
      const c = columns[i]!;
      const holder = holders.size ? holders.get(c.idHash) : undefined;
      if (holder) {
        const same = holder.name === w.row.name && holder.phoneHash === c.phoneHash;
        if (holder.orgId === w.org.id && same) {
          alreadyRegistered++;
          return;
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
        return;
      }
      staged.push({ jobId: job.id, rowNo: w.rowNo, creditCode: w.row.creditCode, ...c });
    });
    return {
      rows: raws.length,
      staged: staged.length,
      text: repo.copyLines(staged),
      alreadyRegistered,
      errors: bad.map((b) => errorRow(ctx, job.id, b)),
      read,
    };
  }

  const staging = client ? repo.copyStagingWriter(client) : repo.blobStagingWriter(ctx.database.pglite!);
  async function writeBatch(batch: Awaited<ReturnType<typeof prepareBatch>>) {
    await staging.write(batch.text);
    await repo.insertErrors(ctx.db, batch.errors);
    counts.processed += batch.rows;
    counts.valid += batch.staged;
    counts.invalid += batch.errors.length;
    counts.alreadyRegistered += batch.alreadyRegistered;
    const progress = Math.min(99, Math.floor((batch.read * 100) / Math.max(size, 1)));
    // The job row is updated once per few batches: each update is a write of its own.
    if (++written % PROGRESS_EVERY === 0)
      await repo.updateJob(ctx.db, job.id, { ...counts, progress }, ctx.clock.now());
  }
  let written = 0;

  // Batches are prepared (checked, sealed on the encoder's threads, looked up) while earlier ones are
  // written, at most `depth` at a time so memory stays bounded; they are written in file order.
  // A failed batch is marked handled at once and rethrown when its turn to be written comes.
  const depth = encoder.parallelism + 1;
  const inFlight: Promise<Awaited<ReturnType<typeof prepareBatch>>>[] = [];
  let failure: Error | null = null;
  const submit = (raws: RawRow[]) => {
    const prepared = prepareBatch(raws, bytesRead);
    prepared.catch(() => undefined);
    inFlight.push(prepared);
  };
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
        submit(batch);
        batch = [];
        if (inFlight.length >= depth) await writeBatch(await inFlight.shift()!);
      }
    }
    if (batch.length) submit(batch);
    while (inFlight.length) await writeBatch(await inFlight.shift()!);
    await staging.finish();
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    await Promise.allSettled(inFlight);
    await staging.abort(failure);
    throw err;
  } finally {
    await encoder.close();
    // A connection whose COPY failed is closed rather than handed back to the pool.
    client?.release(failure ?? undefined);
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
