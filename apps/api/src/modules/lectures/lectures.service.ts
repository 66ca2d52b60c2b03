import type {
  CreateLectureBody,
  LectureAction,
  LectureQuery,
  LectureRegistrationQuery,
  LectureStatus,
  UpdateLectureBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { notify } from '../notifications/index.js';
import { getOrgInScope, orgDissolved } from '../orgs/index.js';
import { LECTURE_TOKEN_REFRESH_SECONDS, lectureTokenKey, signLectureToken } from './lecture-token.js';
import { lectureNotFound, registrationClosed, registrationNotFound } from './lectures.errors.js';
import { type LectureShape, lectureProblems } from './lectures.policy.js';
import * as repo from './lectures.repository.js';
import { assertLectureTransition } from './lectures.workflow.js';

export async function getLectureInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findLectureById(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw lectureNotFound(id);
  return row;
}

const date = (s: string) => new Date(s);

function shapeOf(body: UpdateLectureBody, base?: repo.LectureRow): LectureShape {
  return {
    mode: body.mode ?? (base?.mode as LectureShape['mode']),
    place: body.place !== undefined ? body.place : (base?.place ?? null),
    onlineUrl: body.onlineUrl !== undefined ? body.onlineUrl : (base?.onlineUrl ?? null),
    startsAt: body.startsAt ? date(body.startsAt) : base!.startsAt,
    endsAt: body.endsAt ? date(body.endsAt) : base!.endsAt,
    registrationDeadline: body.registrationDeadline
      ? date(body.registrationDeadline)
      : base!.registrationDeadline,
    capacity: body.capacity ?? base!.capacity,
  };
}

/** The columns of a lecture from a body: a place for on-site lectures, a link for online ones. */
function columnsOf(body: UpdateLectureBody, shape: LectureShape) {
  return {
    ...(body.title !== undefined ? { title: body.title.trim() } : {}),
    ...(body.topic !== undefined ? { topic: body.topic.trim() } : {}),
    ...(body.fields !== undefined ? { fields: body.fields } : {}),
    ...(body.speakerName !== undefined ? { speakerName: body.speakerName.trim() } : {}),
    ...(body.speakerTitle !== undefined ? { speakerTitle: body.speakerTitle.trim() || null } : {}),
    ...(body.address !== undefined ? { address: body.address.trim() || null } : {}),
    mode: shape.mode,
    place: shape.mode === 'onsite' ? (shape.place?.trim() ?? null) : null,
    onlineUrl: shape.mode === 'online' ? shape.onlineUrl : null,
    startsAt: shape.startsAt,
    endsAt: shape.endsAt,
    registrationDeadline: shape.registrationDeadline,
    capacity: shape.capacity,
  };
}

export async function createLecture(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateLectureBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  if (org.status !== 'active') throw orgDissolved(org, 'body.orgId');
  const shape = shapeOf(body);
  const problems = lectureProblems(shape, 0);
  if (problems.length) throw validationError(problems);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const id = await repo.insertLecture(tx, {
      orgId: org.id,
      title: body.title.trim(),
      topic: body.topic.trim(),
      fields: body.fields,
      speakerName: body.speakerName.trim(),
      speakerTitle: body.speakerTitle?.trim() || null,
      address: body.address?.trim() || null,
      ...columnsOf(body, shape),
      status: 'draft',
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'lecture.create',
      orgId: org.id,
      targetType: 'lecture',
      targetId: id,
      meta,
    });
    return (await repo.findLectureById(tx, id))!;
  });
}

export async function updateLecture(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateLectureBody,
  meta: RequestMeta,
) {
  const row = await getLectureInScope(ctx.db, actor, id);
  assertLectureTransition(row.status as LectureStatus, 'edit');
  return inTransaction(ctx.db, async (tx) => {
    const locked = (await repo.lockLecture(tx, id))!;
    const shape = shapeOf(body, locked);
    const problems = lectureProblems(shape, locked.seatsTaken);
    if (problems.length) throw validationError(problems);
    await repo.updateLecture(tx, id, { ...columnsOf(body, shape), updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: 'lecture.update',
      orgId: row.orgId,
      targetType: 'lecture',
      targetId: id,
      details: { fields: Object.keys(body) },
      meta,
    });
    return (await repo.findLectureById(tx, id))!;
  });
}

/**
 * Publishing offers the lecture to the subtree's members; finishing closes it once it has begun;
 * cancelling tells everyone holding a seat, in the same transaction.
 */
export async function changeLectureStatus(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: Exclude<LectureAction, 'edit'>,
  reason: string | undefined,
  meta: RequestMeta,
) {
  const row = await getLectureInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  const to = assertLectureTransition(row.status as LectureStatus, action);
  if (action === 'finish' && row.startsAt > now)
    throw registrationClosed('讲座尚未开始，不能结束', 'not_started');
  return inTransaction(ctx.db, async (tx) => {
    await repo.lockLecture(tx, id);
    await repo.updateLecture(tx, id, {
      status: to,
      updatedAt: now,
      ...(action === 'publish' ? { publishedAt: now } : {}),
      ...(action === 'cancel' ? { cancelReason: reason?.trim() ?? null } : {}),
    });
    if (action === 'cancel') {
      const holders = await repo.listSeatHolders(tx, id);
      await notify(
        tx,
        holders.map((accountId) => ({ type: 'member' as const, id: accountId })),
        {
          topic: 'system',
          kind: 'lecture.cancelled',
          title: '讲座取消通知',
          body: `您报名的“${row.title}”已取消。原因：${reason?.trim() ?? ''}。给您带来不便，敬请谅解。`,
          link: `/m/lectures/${id}`,
        },
        now,
      );
    }
    await recordAudit(tx, {
      actor,
      action: `lecture.${action}`,
      orgId: row.orgId,
      targetType: 'lecture',
      targetId: id,
      ...(reason ? { details: { reason } } : {}),
      meta,
    });
    return (await repo.findLectureById(tx, id))!;
  });
}

export async function listLectures(ctx: AppContext, actor: StaffActor, query: LectureQuery) {
  const org = query.orgId ? await getOrgInScope(ctx.db, actor, query.orgId, 'querystring.orgId') : null;
  const pageSize = query.pageSize ?? 20;
  return repo.listLecturesUnder(ctx.db, {
    rootPath: actor.orgPath,
    ...(org ? { orgId: org.id } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

export async function listLectureRegistrations(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  query: LectureRegistrationQuery,
) {
  await getLectureInScope(ctx.db, actor, id);
  const pageSize = query.pageSize ?? 100;
  return repo.listRegistrations(ctx.db, id, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.attended !== undefined ? { attended: query.attended } : {}),
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** The token for the check-in screen; only a published lecture takes check-ins. */
export async function issueCheckinToken(ctx: AppContext, actor: StaffActor, id: number) {
  const row = await getLectureInScope(ctx.db, actor, id);
  if (row.status !== 'published') throw registrationClosed('只有已发布的讲座可以签到', 'not_published');
  const { token, expiresAt } = signLectureToken(
    lectureTokenKey(ctx.config.secrets.tokenSecret),
    id,
    ctx.clock.now(),
  );
  return {
    token,
    path: `/m/lectures/checkin?t=${encodeURIComponent(token)}`,
    expiresAt: expiresAt.toISOString(),
    refreshInSeconds: LECTURE_TOKEN_REFRESH_SECONDS,
  };
}

/** Staff mark a registered member present (a member without a phone, a scanner that failed). */
export async function markAttended(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  registrationId: number,
  meta: RequestMeta,
) {
  const row = await getLectureInScope(ctx.db, actor, id);
  if (row.status !== 'published' && row.status !== 'finished')
    throw registrationClosed('只有已发布或已结束的讲座可以登记出席', 'not_published');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await repo.lockLecture(tx, id);
    const reg = await repo.findRegistrationById(tx, registrationId);
    if (!reg || reg.lectureId !== id || reg.status !== 'registered')
      throw registrationNotFound(registrationId);
    if (!reg.attendedAt) {
      await repo.updateRegistration(tx, reg.id, {
        attendedAt: now,
        checkinMethod: 'manual',
        checkedInBy: actor.id,
      });
      await repo.countSeat(tx, id, { seats: 0, attended: 1 }, now);
      await recordAudit(tx, {
        actor,
        action: 'lecture.attend',
        orgId: row.orgId,
        targetType: 'lecture_registration',
        targetId: reg.id,
        details: { lectureId: id },
        meta,
      });
    }
    return (await repo.findRegistrationView(tx, reg.id))!;
  });
}
