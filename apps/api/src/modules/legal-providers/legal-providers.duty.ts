import type {
  CopyDutyWeekBody,
  CreateDutySlotBody,
  DutyWeek,
  DutyWeekQuery,
  SwapDutySlotsBody,
  UpdateDutySlotBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { providerNotFound, slotNotFound, slotOverlap } from './legal-providers.errors.js';
import { presentSlot } from './legal-providers.presenter.js';
import * as repo from './legal-providers.repository.js';
import { gapsIn, WEEK_MS, weekBounds, weekStartOf } from './legal-providers.week.js';

const MAX_SLOT_MS = 7 * 24 * 3_600_000;

/** The union's week: its slots and the intervals of the 168 hours nobody covers. */
export async function getDutyWeek(
  ctx: AppContext,
  actor: StaffActor,
  query: DutyWeekQuery,
): Promise<DutyWeek> {
  const org = await getOrgInScope(ctx.db, actor, query.orgId);
  const monday = weekStartOf(query.week ?? ctx.clock.now());
  const { from, to } = weekBounds(monday);
  const slots = await repo.listSlotsBetween(ctx.db, org.id, from, to);
  return {
    orgId: org.id,
    weekStart: monday,
    startsAt: from.toISOString(),
    endsAt: to.toISOString(),
    slots: slots.map(presentSlot),
    gaps: gapsIn(from, to, slots).map((g) => ({
      startsAt: g.startsAt.toISOString(),
      endsAt: g.endsAt.toISOString(),
    })),
  };
}

function checkInterval(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime())
    throw validationError([
      { path: 'body.endsAt', message: '结束时间应晚于开始时间', rule: 'duty.interval' },
    ]);
  if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS)
    throw validationError([
      { path: 'body.endsAt', message: '一个值班时段不能超过 7 天', rule: 'duty.max_length' },
    ]);
}

/**
 * A provider the union may schedule: one of its subtree's providers or one working for a union above
 * it (a city's lawyers also serve its counties), active. Locked, so two changes to one provider's
 * slots run one after the other and the overlap check holds.
 */
async function lockSchedulable(tx: Db, actor: StaffActor, orgPath: string, providerId: number) {
  const view = await repo.findProviderView(tx, providerId);
  const usable =
    view &&
    view.status === 'active' &&
    (pathInScope(actor, view.orgPath) || orgPath.startsWith(`${view.orgPath}.`));
  if (!usable) throw providerNotFound(providerId, 'body.providerId');
  await repo.lockProvider(tx, providerId);
  return view;
}

async function checkFree(
  tx: Db,
  provider: { id: number; name: string },
  from: Date,
  to: Date,
  exclude: number[],
) {
  const other = await repo.findOverlap(tx, provider.id, from, to, exclude);
  if (other) throw slotOverlap(provider.name, other);
}

export async function createSlot(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateDutySlotBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  checkInterval(startsAt, endsAt);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const provider = await lockSchedulable(tx, actor, org.path, body.providerId);
    await checkFree(tx, provider, startsAt, endsAt, []);
    const id = await repo.insertSlot(tx, {
      orgId: org.id,
      providerId: provider.id,
      startsAt,
      endsAt,
      fields: body.fields ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'duty_slot.create',
      orgId: org.id,
      targetType: 'duty_slot',
      targetId: id,
      details: { providerId: provider.id, startsAt: body.startsAt, endsAt: body.endsAt },
      meta,
    });
    return presentSlot((await repo.findSlotView(tx, id))!);
  });
}

async function getSlotInScope(db: Db, actor: StaffActor, id: number) {
  const slot = await repo.findSlotView(db, id);
  if (!slot || !pathInScope(actor, slot.orgPath)) throw slotNotFound(id);
  return slot;
}

export async function updateSlot(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateDutySlotBody,
  meta: RequestMeta,
) {
  const slot = await getSlotInScope(ctx.db, actor, id);
  const startsAt = body.startsAt ? new Date(body.startsAt) : slot.startsAt;
  const endsAt = body.endsAt ? new Date(body.endsAt) : slot.endsAt;
  checkInterval(startsAt, endsAt);
  return inTransaction(ctx.db, async (tx) => {
    const provider = await lockSchedulable(tx, actor, slot.orgPath, body.providerId ?? slot.providerId);
    await checkFree(tx, provider, startsAt, endsAt, [id]);
    await repo.updateSlot(tx, id, {
      providerId: provider.id,
      startsAt,
      endsAt,
      ...(body.fields ? { fields: body.fields } : {}),
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, {
      actor,
      action: 'duty_slot.update',
      orgId: slot.orgId,
      targetType: 'duty_slot',
      targetId: id,
      details: { ...body },
      meta,
    });
    return presentSlot((await repo.findSlotView(tx, id))!);
  });
}

export async function deleteSlot(ctx: AppContext, actor: StaffActor, id: number, meta: RequestMeta) {
  const slot = await getSlotInScope(ctx.db, actor, id);
  await inTransaction(ctx.db, async (tx) => {
    await repo.deleteSlot(tx, id);
    await recordAudit(tx, {
      actor,
      action: 'duty_slot.delete',
      orgId: slot.orgId,
      targetType: 'duty_slot',
      targetId: id,
      details: { providerId: slot.providerId, startsAt: slot.startsAt.toISOString() },
      meta,
    });
  });
}

/**
 * Copies every slot that starts within one week to another week, shifted by whole weeks. All or
 * nothing: a copy that would overlap one of the provider's slots answers 409 naming that slot.
 */
export async function copyWeek(
  ctx: AppContext,
  actor: StaffActor,
  body: CopyDutyWeekBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const fromMonday = weekStartOf(body.fromWeek);
  const toMonday = weekStartOf(body.toWeek);
  if (fromMonday === toMonday)
    throw validationError([{ path: 'body.toWeek', message: '请选择另一周', rule: 'duty.copy_same_week' }]);
  const source = weekBounds(fromMonday);
  const shift = weekBounds(toMonday).from.getTime() - source.from.getTime();
  const now = ctx.clock.now();
  const copied = await inTransaction(ctx.db, async (tx) => {
    const slots = (await repo.listSlotsBetween(tx, org.id, source.from, source.to)).filter(
      (s) => s.startsAt.getTime() >= source.from.getTime(),
    );
    const ids: number[] = [];
    for (const s of slots) {
      const startsAt = new Date(s.startsAt.getTime() + shift);
      const endsAt = new Date(s.endsAt.getTime() + shift);
      await repo.lockProvider(tx, s.providerId);
      await checkFree(tx, { id: s.providerId, name: s.providerName }, startsAt, endsAt, []);
      ids.push(
        await repo.insertSlot(tx, {
          orgId: org.id,
          providerId: s.providerId,
          startsAt,
          endsAt,
          fields: s.fields,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'duty_slot.copy_week',
      orgId: org.id,
      targetType: 'org',
      targetId: org.id,
      details: { fromWeek: fromMonday, toWeek: toMonday, slots: ids.length },
      meta,
    });
    return ids.length;
  });
  return { copied, weekShiftDays: Math.round(shift / (WEEK_MS / 7)) };
}

/** Two slots exchange their providers (a lawyer trades a night for a day); both must stay free. */
export async function swapSlots(
  ctx: AppContext,
  actor: StaffActor,
  body: SwapDutySlotsBody,
  meta: RequestMeta,
) {
  const [aId, bId] = body.slotIds as [number, number];
  if (aId === bId)
    throw validationError([
      { path: 'body.slotIds', message: '请选择两个不同的值班时段', rule: 'duty.swap_distinct' },
    ]);
  const a = await getSlotInScope(ctx.db, actor, aId);
  const b = await getSlotInScope(ctx.db, actor, bId);
  return inTransaction(ctx.db, async (tx) => {
    const pa = await lockSchedulable(tx, actor, b.orgPath, a.providerId);
    const pb = await lockSchedulable(tx, actor, a.orgPath, b.providerId);
    await checkFree(tx, pa, b.startsAt, b.endsAt, [aId, bId]);
    await checkFree(tx, pb, a.startsAt, a.endsAt, [aId, bId]);
    const now = ctx.clock.now();
    await repo.updateSlot(tx, aId, { providerId: b.providerId, updatedAt: now });
    await repo.updateSlot(tx, bId, { providerId: a.providerId, updatedAt: now });
    await recordAudit(tx, {
      actor,
      action: 'duty_slot.swap',
      orgId: a.orgId,
      targetType: 'duty_slot',
      targetId: aId,
      details: { slotIds: [aId, bId] },
      meta,
    });
    return [
      presentSlot((await repo.findSlotView(tx, aId))!),
      presentSlot((await repo.findSlotView(tx, bId))!),
    ];
  });
}

export interface OnDutyProvider {
  providerId: number;
  providerName: string;
  staffUserId: number;
}

/**
 * Who is on duty for the union at `at` and can answer the field, in the order they should be asked.
 * The consultation routing calls it with `ctx.clock.now()`.
 */
export async function findOnDuty(db: Db, orgId: number, field: string, at: Date): Promise<OnDutyProvider[]> {
  const rows = await repo.listOnDuty(db, orgId, field, at);
  const seen = new Set<number>();
  const out: OnDutyProvider[] = [];
  for (const r of rows)
    if (r.staffUserId !== null && !seen.has(r.providerId)) {
      seen.add(r.providerId);
      out.push({ providerId: r.providerId, providerName: r.providerName, staffUserId: r.staffUserId });
    }
  return out;
}
