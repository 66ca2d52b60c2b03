import type { MemberLectureQuery } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import type { MemberWithOrg } from '../members/index.js';
import { getMyMembership } from '../services/index.js';
import { checkLectureToken, lectureTokenKey } from './lecture-token.js';
import { checkinInvalid, lectureFull, lectureNotFound, registrationClosed } from './lectures.errors.js';
import { checkinWindow, registrationBlock } from './lectures.policy.js';
import { presentMemberLecture } from './lectures.presenter.js';
import * as repo from './lectures.repository.js';

const CLOSED_MESSAGES = {
  not_open: '这场讲座目前不接受报名',
  deadline_passed: '报名已截止',
} as const;

/** A lecture the member is offered: held by their union or one above it, and published (or theirs). */
async function getOfferedLecture(db: Db, member: MemberWithOrg, accountId: number, id: number) {
  const row = await repo.findLectureById(db, id);
  const onPath = row && (member.orgPath === row.orgPath || member.orgPath.startsWith(`${row.orgPath}.`));
  if (!row || !onPath) throw lectureNotFound(id);
  if (row.status === 'published' || row.status === 'finished') return row;
  const [mine] = await repo.registrationsOfAccount(db, accountId, [id]);
  if (row.status === 'cancelled' && mine) return row;
  throw lectureNotFound(id);
}

async function view(ctx: AppContext, actor: MemberActor, id: number) {
  const row = (await repo.findLectureById(ctx.db, id))!;
  const [mine] = await repo.registrationsOfAccount(ctx.db, actor.id, [id]);
  return presentMemberLecture(row, mine ?? null, ctx.clock.now());
}

export async function listMyLectures(ctx: AppContext, actor: MemberActor, query: MemberLectureQuery) {
  const member = await getMyMembership(ctx, actor);
  const pageSize = query.pageSize ?? 20;
  const page = await repo.listLecturesForMember(ctx.db, {
    memberOrgPath: member.orgPath,
    ...(query.mine ? { accountId: actor.id } : {}),
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
  const mine = new Map(
    (
      await repo.registrationsOfAccount(
        ctx.db,
        actor.id,
        page.items.map((l) => l.id),
      )
    ).map((r) => [r.lectureId, r]),
  );
  const now = ctx.clock.now();
  return {
    items: page.items.map((l) => presentMemberLecture(l, mine.get(l.id) ?? null, now)),
    total: page.total,
  };
}

export async function getMyLecture(ctx: AppContext, actor: MemberActor, id: number) {
  const member = await getMyMembership(ctx, actor);
  await getOfferedLecture(ctx.db, member, actor.id, id);
  return view(ctx, actor, id);
}

/**
 * Takes a seat with the lecture row locked, so two members racing for the last seat cannot both get
 * it. Registering again while registered changes nothing (a double tap); after cancelling, it takes a
 * seat again.
 */
export async function registerForLecture(ctx: AppContext, actor: MemberActor, id: number, meta: RequestMeta) {
  const member = await getMyMembership(ctx, actor);
  await getOfferedLecture(ctx.db, member, actor.id, id);
  const now = ctx.clock.now();
  const created = await inTransaction(ctx.db, async (tx) => {
    const lecture = (await repo.lockLecture(tx, id))!;
    const existing = await repo.findRegistration(tx, id, member.id);
    if (existing?.status === 'registered') return false;
    const block = registrationBlock(lecture, now);
    if (block === 'full') throw lectureFull(lecture.capacity);
    if (block) throw registrationClosed(CLOSED_MESSAGES[block], block);
    const seat = {
      status: 'registered',
      walkIn: false,
      registeredAt: now,
      cancelledAt: null,
      attendedAt: null,
      checkinMethod: null,
      accountId: actor.id,
      orgId: member.orgId,
    };
    const reg = existing
      ? await repo.updateRegistration(tx, existing.id, seat)
      : await repo.insertRegistration(tx, { lectureId: id, memberId: member.id, ...seat });
    await repo.countSeat(tx, id, { seats: 1, attended: 0 }, now);
    await recordAudit(tx, {
      actor,
      action: 'lecture.register',
      orgId: lecture.orgId,
      targetType: 'lecture_registration',
      targetId: reg.id,
      details: { lectureId: id },
      meta,
    });
    return true;
  });
  return { created, lecture: await view(ctx, actor, id) };
}

/** Gives the seat back, until the lecture begins; an attended seat stays. */
export async function cancelMyRegistration(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  meta: RequestMeta,
) {
  const member = await getMyMembership(ctx, actor);
  await getOfferedLecture(ctx.db, member, actor.id, id);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const lecture = (await repo.lockLecture(tx, id))!;
    const reg = await repo.findRegistration(tx, id, member.id);
    if (reg?.status !== 'registered') return;
    if (reg.attendedAt) throw registrationClosed('您已签到，不能取消报名', 'attended');
    if (now >= lecture.startsAt) throw registrationClosed('讲座已开始，不能取消报名', 'started');
    await repo.updateRegistration(tx, reg.id, { status: 'cancelled', cancelledAt: now });
    await repo.countSeat(tx, id, { seats: -1, attended: 0 }, now);
    await recordAudit(tx, {
      actor,
      action: 'lecture.unregister',
      orgId: lecture.orgId,
      targetType: 'lecture_registration',
      targetId: reg.id,
      details: { lectureId: id },
      meta,
    });
  });
  return view(ctx, actor, id);
}

/**
 * Check-in with the QR code of the staff screen: a registered member is marked present; a member who
 * did not register takes a free seat as a walk-in, if one is left.
 */
export async function checkInToLecture(
  ctx: AppContext,
  actor: MemberActor,
  token: string,
  meta: RequestMeta,
) {
  const now = ctx.clock.now();
  const check = checkLectureToken(lectureTokenKey(ctx.config.secrets.tokenSecret), token.trim(), now);
  if (!check.valid) throw checkinInvalid(check.reason);
  const id = check.lectureId;
  const member = await getMyMembership(ctx, actor);
  await getOfferedLecture(ctx.db, member, actor.id, id);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const lecture = (await repo.lockLecture(tx, id))!;
    if (lecture.status !== 'published') throw registrationClosed('这场讲座目前不能签到', 'not_open');
    const window = checkinWindow(lecture, now);
    if (window === 'early') throw registrationClosed('签到在讲座开始前一小时开放', 'checkin_early');
    if (window === 'over') throw registrationClosed('讲座已结束，签到已关闭', 'checkin_over');
    const reg = await repo.findRegistration(tx, id, member.id);
    if (reg?.status === 'registered' && reg.attendedAt) return { walkIn: reg.walkIn, alreadyCheckedIn: true };
    const walkIn = reg?.status !== 'registered';
    if (walkIn && lecture.seatsTaken >= lecture.capacity) throw lectureFull(lecture.capacity);
    const present = { attendedAt: now, checkinMethod: 'qr', checkedInBy: null };
    const walkInSeat = {
      status: 'registered',
      walkIn: true,
      registeredAt: now,
      cancelledAt: null,
      accountId: actor.id,
      orgId: member.orgId,
    };
    const saved = !walkIn
      ? await repo.updateRegistration(tx, reg!.id, present)
      : reg
        ? await repo.updateRegistration(tx, reg.id, { ...walkInSeat, ...present })
        : await repo.insertRegistration(tx, {
            lectureId: id,
            memberId: member.id,
            ...walkInSeat,
            ...present,
          });
    await repo.countSeat(tx, id, { seats: walkIn ? 1 : 0, attended: 1 }, now);
    await recordAudit(tx, {
      actor,
      action: 'lecture.checkin',
      orgId: lecture.orgId,
      targetType: 'lecture_registration',
      targetId: saved.id,
      details: { lectureId: id, walkIn },
      meta,
    });
    return { walkIn, alreadyCheckedIn: false };
  });
  return { lecture: await view(ctx, actor, id), ...outcome };
}
