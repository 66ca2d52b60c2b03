import { type ConsultationField, ConsultationFieldNames } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { notify, notifyOrgStaff } from '../notifications/index.js';
import * as repo from './consultations.repository.js';
import type { Route } from './consultations.routing.js';

const fieldName = (field: string) => ConsultationFieldNames[field as ConsultationField] ?? field;

/**
 * Puts a question where the routing sent it, in the caller's transaction: with the lawyer on duty
 * (who is told, with the time to pick it up) or waiting at a union (whose staff are told). The step
 * is recorded as an event; `previous` is the lawyer it timed out with, if any.
 */
export async function applyRoute(
  tx: Db,
  c: { id: number; field: string; accountId: number },
  route: Route,
  now: Date,
  previous: { providerId: number; name: string; staffUserId: number | null } | null,
): Promise<void> {
  const what = `${fieldName(c.field)}方面的法律咨询（第 ${c.id} 号）`;
  if (route.lawyer) {
    await repo.updateConsultation(tx, c.id, {
      state: 'assigned',
      orgId: route.org.id,
      providerId: route.lawyer.providerId,
      assignedAt: now,
      pickupDueAt: route.pickupDueAt,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      consultationId: c.id,
      action: 'assign',
      actorType: 'system',
      actorId: null,
      actorName: '系统',
      orgId: route.org.id,
      providerId: route.lawyer.providerId,
      comment: `分配给值班律师${route.lawyer.providerName}`,
      createdAt: now,
    });
    await notify(
      tx,
      [{ type: 'staff', id: route.lawyer.staffUserId }],
      {
        topic: 'service_request',
        kind: 'consultation.assigned',
        title: '新的法律咨询',
        body: `${route.org.name}有一条${what}分配给您，请尽快认领并答复。`,
        link: `/admin/legal/workspace/${c.id}`,
      },
      now,
    );
    if (previous)
      await notify(
        tx,
        [{ type: 'member', id: c.accountId }],
        {
          topic: 'service_request',
          kind: 'consultation.reassigned',
          title: '您的咨询已转给其他律师',
          body: `您的${what}已转给值班律师${route.lawyer.providerName}，请耐心等待答复。`,
          link: `/m/legal/consultations/${c.id}`,
        },
        now,
      );
  } else {
    await repo.updateConsultation(tx, c.id, {
      state: 'waiting',
      orgId: route.org.id,
      providerId: null,
      assignedAt: null,
      pickupDueAt: null,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      consultationId: c.id,
      action: 'wait',
      actorType: 'system',
      actorId: null,
      actorName: '系统',
      orgId: route.org.id,
      providerId: null,
      comment: '暂无值班律师，等待工作人员安排',
      createdAt: now,
    });
    await notifyOrgStaff(
      tx,
      route.org.id,
      'legal.manage',
      {
        topic: 'service_request',
        kind: 'consultation.waiting',
        title: '法律咨询无人值班',
        body: `一条${what}暂无值班律师接收，请安排律师答复。`,
        link: `/admin/legal/consultations/${c.id}`,
      },
      now,
    );
    if (previous)
      await notify(
        tx,
        [{ type: 'member', id: c.accountId }],
        {
          topic: 'service_request',
          kind: 'consultation.waiting',
          title: '您的咨询正在安排律师',
          body: `您的${what}暂未被律师接收，${route.org.name}正在为您安排，请耐心等待。`,
          link: `/m/legal/consultations/${c.id}`,
        },
        now,
      );
  }
  if (previous?.staffUserId)
    await notify(
      tx,
      [{ type: 'staff', id: previous.staffUserId }],
      {
        topic: 'service_request',
        kind: 'consultation.timed_out',
        title: '咨询已超时转出',
        body: `${what}未在规定时间内认领，已转出。`,
        link: null,
      },
      now,
    );
}
