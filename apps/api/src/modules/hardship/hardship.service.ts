import type {
  CreateHardshipFileBody,
  HardshipCause,
  HardshipFileQuery,
  HouseholdInput,
  RecheckBody,
  UpdateHardshipFileBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { chinaToday, getMemberInScope, type MemberWithOrg, setMemberCategory } from '../members/index.js';
import { notifyOrgStaff } from '../notifications/index.js';
import { findOrgById } from '../orgs/index.js';
import { badFileState, fileExists, fileNotFound } from './hardship.errors.js';
import { householdColumns, tierFor } from './hardship.household.js';
import { addDays, addYear } from './hardship.policy.js';
import * as repo from './hardship.repository.js';

export const FILE_OWNER = 'hardship_file';
const LIVE_KEY = 'hardship_files_member_live_key';

/** The file when its keeping union lies in the caller's subtree; anything else → 404. */
export async function getFileInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findFileView(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw fileNotFound(id);
  return row;
}

export async function listFiles(ctx: AppContext, actor: StaffActor, query: HardshipFileQuery) {
  let scope = actor.orgPath;
  if (query.orgId) {
    const org = await findOrgById(ctx.db, query.orgId);
    if (!org || !pathInScope(actor, org.path)) throw fileNotFound(query.orgId);
    scope = org.path;
  }
  const today = chinaToday(ctx.clock.now());
  return repo.listFiles(ctx.db, scope, query, today, addDays(today, 30));
}

/** Staff open a file for a member in their subtree, kept by the member's union or one above it. */
export async function createFile(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateHardshipFileBody,
  meta: RequestMeta,
) {
  const member = await getMemberInScope(ctx.db, actor, body.memberId);
  const keeping = body.keepingOrgId ? await findOrgById(ctx.db, body.keepingOrgId) : null;
  const keepingPath = keeping?.path ?? member.orgPath;
  if (
    body.keepingOrgId &&
    (!keeping ||
      !pathInScope(actor, keeping.path) ||
      !(member.orgPath === keeping.path || member.orgPath.startsWith(`${keeping.path}.`)))
  )
    throw validationError([
      {
        path: 'body.keepingOrgId',
        message: '建档工会应为会员所在工会或其上级',
        rule: 'hardship.keeping_union',
      },
    ]);
  const existing = await repo.findLiveFileOfMember(ctx.db, member.id);
  if (existing) throw fileExists(existing.id, existing.state);
  const household = householdColumns(ctx, body.household);
  const tier = await tierFor(ctx.db, keepingPath, body.incomePerPersonFen, body.causes);
  const now = ctx.clock.now();
  const today = chinaToday(now);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertFile(tx, {
        provinceCode: member.provinceCode,
        memberId: member.id,
        orgId: keeping?.id ?? member.orgId,
        state: 'open',
        tier,
        causes: body.causes,
        incomePerPersonFen: body.incomePerPersonFen,
        householdSize: household.length,
        note: body.note?.trim() || null,
        lastCheckedOn: today,
        recheckDueOn: addYear(today),
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceHousehold(tx, id, household);
      if (body.attachments?.length)
        await claimAttachments(
          tx,
          actor,
          body.attachments,
          { type: FILE_OWNER, id },
          { path: 'body.attachments' },
        );
      await setMemberCategory(tx, member.id, 'hardship', true, now);
      await recordAudit(tx, {
        actor,
        action: 'hardship_file.create',
        orgId: keeping?.id ?? member.orgId,
        targetType: FILE_OWNER,
        targetId: id,
        details: { tier },
        meta,
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err, LIVE_KEY)) {
      const again = await repo.findLiveFileOfMember(ctx.db, member.id);
      if (again) throw fileExists(again.id, again.state);
    }
    throw err;
  }
}

/**
 * From a member's application (inside its transaction): a new draft file with the household as
 * told, or the draft updated. An open file is left as staff verified it.
 */
export async function saveDraftFromApplication(
  ctx: AppContext,
  tx: Db,
  member: MemberWithOrg,
  input: HouseholdInput,
  at: Date,
): Promise<number> {
  const household = householdColumns(ctx, input.household);
  const existing = await repo.findLiveFileOfMember(tx, member.id);
  if (existing?.state === 'open') return existing.id;
  const tier = await tierFor(tx, member.orgPath, input.incomePerPersonFen, input.causes);
  const columns = {
    tier,
    causes: input.causes,
    incomePerPersonFen: input.incomePerPersonFen,
    householdSize: household.length,
    updatedAt: at,
  };
  const id =
    existing?.id ??
    (await repo.insertFile(tx, {
      provinceCode: member.provinceCode,
      memberId: member.id,
      orgId: member.orgId,
      state: 'draft',
      ...columns,
      createdAt: at,
    }));
  if (existing) await repo.updateFile(tx, id, columns);
  await repo.replaceHousehold(tx, id, household);
  return id;
}

/** An approved application opens its draft file (checked now, re-check in a year) and flags the member. */
export async function openFileFromApproval(tx: Db, fileId: number, at: Date) {
  const file = await repo.lockFile(tx, fileId);
  if (file?.state !== 'draft') return;
  const today = chinaToday(at);
  await repo.updateFile(tx, fileId, {
    state: 'open',
    lastCheckedOn: today,
    recheckDueOn: addYear(today),
    updatedAt: at,
  });
  await setMemberCategory(tx, file.memberId, 'hardship', true, at);
}

export async function updateFile(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateHardshipFileBody,
  meta: RequestMeta,
) {
  const file = await getFileInScope(ctx.db, actor, id);
  if (file.state === 'closed') throw badFileState(file.state, 'edited');
  const household = body.household ? householdColumns(ctx, body.household) : null;
  const income = body.incomePerPersonFen ?? file.incomePerPersonFen;
  const causes = (body.causes ?? file.causes) as HardshipCause[];
  const tier = await tierFor(ctx.db, file.orgPath, income, causes);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateFile(tx, id, {
      tier,
      causes,
      incomePerPersonFen: income,
      ...(household ? { householdSize: household.length } : {}),
      ...(body.note !== undefined ? { note: body.note.trim() || null } : {}),
      updatedAt: now,
    });
    if (household) await repo.replaceHousehold(tx, id, household);
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        actor,
        body.attachments,
        { type: FILE_OWNER, id },
        { path: 'body.attachments' },
      );
    await recordAudit(tx, {
      actor,
      action: 'hardship_file.update',
      orgId: file.orgId,
      targetType: FILE_OWNER,
      targetId: id,
      details: { tier },
      meta,
    });
  });
}

/** 年度复核: records what was found; income and tier follow; the next re-check is a year on. */
export async function recheckFile(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: RecheckBody,
  meta: RequestMeta,
) {
  const file = await getFileInScope(ctx.db, actor, id);
  if (file.state !== 'open') throw badFileState(file.state, 're-checked');
  const causes = (body.causes ?? file.causes) as HardshipCause[];
  const tier = await tierFor(ctx.db, file.orgPath, body.incomePerPersonFen, causes);
  const now = ctx.clock.now();
  const today = chinaToday(now);
  await inTransaction(ctx.db, async (tx) => {
    await repo.insertRecheck(tx, {
      fileId: id,
      checkedOn: today,
      dueOn: file.recheckDueOn,
      incomePerPersonFen: body.incomePerPersonFen,
      tier,
      note: body.note.trim(),
      actorId: actor.id,
      actorName: actor.displayName,
      createdAt: now,
    });
    await repo.updateFile(tx, id, {
      tier,
      causes,
      incomePerPersonFen: body.incomePerPersonFen,
      lastCheckedOn: today,
      recheckDueOn: addYear(today),
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'hardship_file.recheck',
      orgId: file.orgId,
      targetType: FILE_OWNER,
      targetId: id,
      details: { tier },
      meta,
    });
  });
}

/** 脱困: the household left hardship; the file closes, the flag goes, and it is watched for a year. */
export async function closeFile(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  reason: string,
  meta: RequestMeta,
) {
  const file = await getFileInScope(ctx.db, actor, id);
  if (file.state === 'closed') throw badFileState(file.state, 'closed');
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateFile(tx, id, {
      state: 'closed',
      closedAt: now,
      closedReason: reason.trim(),
      watchUntil: addYear(chinaToday(now)),
      recheckDueOn: null,
      updatedAt: now,
    });
    await setMemberCategory(tx, file.memberId, 'hardship', false, now);
    await recordAudit(tx, {
      actor,
      action: 'hardship_file.close',
      orgId: file.orgId,
      targetType: FILE_OWNER,
      targetId: id,
      details: { reason },
      meta,
    });
  });
}

/**
 * A file as staff read it, audited every time: masked ID numbers, or with `fullReason` the
 * household's ID numbers in full (the reason is kept in the audit log).
 */
export async function readFile(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  fullReason: string | null,
  meta: RequestMeta,
) {
  const file = await getFileInScope(ctx.db, actor, id);
  const [household, rechecks] = await Promise.all([
    repo.listHousehold(ctx.db, id),
    repo.listRechecks(ctx.db, id),
  ]);
  await recordAudit(ctx.db, {
    actor,
    action: fullReason ? 'hardship_file.view_full' : 'hardship_file.view',
    orgId: file.orgId,
    targetType: FILE_OWNER,
    targetId: id,
    ...(fullReason ? { details: { reason: fullReason } } : {}),
    meta,
  });
  const idNumbers = fullReason ? household.map((h) => ctx.pii.open(h.idEnc)) : null;
  return { file, household, rechecks, idNumbers };
}

/** How far ahead the keeping union hears of a coming re-check. */
export const RECHECK_NOTICE_DAYS = 30;

/**
 * Tells each keeping union's assistance staff of its open files whose yearly re-check is due within
 * 30 days or overdue: one notice per union a pass, counting the files, each file at most once a
 * China day (the job runs hourly; SKIP LOCKED lets several servers run it side by side). The notice
 * names no household: it may leave by SMS or e-mail, and hardship details stay in the audited pages.
 */
export async function remindDueRechecks(ctx: AppContext, opts: { batch?: number } = {}) {
  const now = ctx.clock.now();
  const today = chinaToday(now);
  const dueBy = addDays(today, RECHECK_NOTICE_DAYS);
  const batch = opts.batch ?? 100;
  let handled = 0;
  let after = 0; // unions are visited in id order, each once a pass
  for (;;) {
    const unions = await repo.listUnionsWithRechecksToRemind(ctx.db, dueBy, today, after, batch);
    for (const orgId of unions) {
      handled += await inTransaction(ctx.db, async (tx) => {
        const files = await repo.lockRechecksToRemind(tx, orgId, dueBy, today);
        if (!files.length) return 0;
        const overdue = files.filter((f) => f.recheckDueOn! < today);
        const soon = files.length - overdue.length;
        const parts = [
          overdue.length
            ? `${overdue.length} 户已过复核期限（最早应于 ${overdue[0]!.recheckDueOn} 复核）`
            : '',
          soon ? `${soon} 户将在 ${RECHECK_NOTICE_DAYS} 天内到期` : '',
        ].filter(Boolean);
        await notifyOrgStaff(
          tx,
          orgId,
          'assistance.manage',
          {
            topic: 'system',
            kind: 'hardship_file.recheck_due',
            title: overdue.length ? '困难职工档案复核逾期提醒' : '困难职工档案年度复核提醒',
            body: `本会建档的困难职工中，${parts.join('，')}，请及时入户核实家庭收入和困难情况，完成年度复核。`,
            link: `/admin/assistance/files?recheck=${overdue.length ? 'overdue' : 'due'}`,
          },
          now,
        );
        await repo.markRechecksReminded(
          tx,
          files.map((f) => f.id),
          today,
        );
        return files.length;
      });
      after = orgId;
    }
    if (unions.length < batch) return handled;
  }
}

export { repo as hardshipRepo };
