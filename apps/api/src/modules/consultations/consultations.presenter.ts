import type {
  ConsultationDetail,
  ConsultationField,
  ConsultationSummary,
  FaqEntry,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { maskName } from '../../platform/pii.js';
import { findOwnedAttachment, listAttachmentsOf, presentAttachment } from '../attachments/index.js';
import * as repo from './consultations.repository.js';
import { OWNER } from './consultations.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(row: repo.ConsultationView): ConsultationSummary {
  const excerpt = [...row.text];
  return {
    id: row.id,
    field: row.field as ConsultationField,
    excerpt: excerpt.length > 60 ? `${excerpt.slice(0, 60).join('')}…` : row.text,
    state: row.state as ConsultationSummary['state'],
    org: { id: row.orgId, name: row.orgName },
    lawyer: row.providerId && row.lawyerName ? { id: row.providerId, name: row.lawyerName } : null,
    memberName: maskName(row.memberName),
    memberOrgName: row.memberOrgName,
    anonymous: row.anonymous,
    allowPublish: row.allowPublish,
    rating: row.rating,
    askedAt: row.askedAt.toISOString(),
    assignedAt: iso(row.assignedAt),
    firstAnsweredAt: iso(row.firstAnsweredAt),
    closedAt: iso(row.closedAt),
  };
}

/** The whole thread: the question and its files, every message with its files, every step. */
export async function presentDetail(
  db: Db,
  row: repo.ConsultationView,
  allowedActions: string[],
): Promise<ConsultationDetail> {
  const [messages, events, ownFiles] = await Promise.all([
    repo.listMessages(db, row.id),
    repo.listEvents(db, row.id),
    listAttachmentsOf(db, OWNER.consultation, [row.id]),
  ]);
  const messageFiles = await listAttachmentsOf(
    db,
    OWNER.message,
    messages.map((m) => m.id),
  );
  return {
    ...presentSummary(row),
    text: row.text,
    attachments: ownFiles.map(presentAttachment),
    messages: messages.map((m) => ({
      id: m.id,
      authorType: m.authorType as 'member' | 'lawyer' | 'staff',
      authorName: m.authorType === 'member' ? maskName(m.authorName) : m.authorName,
      text: m.text,
      attachments: messageFiles.filter((f) => f.ownerId === m.id).map(presentAttachment),
      createdAt: m.createdAt.toISOString(),
    })),
    events: events.map(({ event, orgName }) => ({
      id: event.id,
      action: event.action,
      actorType: event.actorType,
      actorName: event.actorType === 'member' ? maskName(event.actorName) : event.actorName,
      orgName,
      comment: event.comment,
      createdAt: event.createdAt.toISOString(),
    })),
    ratingComment: row.ratingComment,
    pickupDueAt: iso(row.pickupDueAt),
    allowedActions,
  };
}

export function presentFaq(row: repo.FaqView): FaqEntry {
  return {
    id: row.id,
    consultationId: row.consultationId,
    orgName: row.orgName,
    field: row.field as ConsultationField,
    question: row.question,
    answer: row.answer,
    askedBy: row.anonymous || !row.memberName ? '匿名会员' : maskName(row.memberName),
    status: row.status as FaqEntry['status'],
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A file of the thread (the question's or a message's); any other → 404. */
export async function findConsultationFile(db: Db, id: number, attachmentId: number) {
  const messages = await repo.listMessages(db, id);
  const owners = [
    { type: OWNER.consultation, ids: [id] },
    { type: OWNER.message, ids: messages.map((m) => m.id) },
  ];
  for (const owner of owners) {
    const found = await findOwnedAttachment(db, owner, attachmentId).catch(() => null);
    if (found) return found;
  }
  throw new AppError('NOT_FOUND', `Attachment ${attachmentId} not found`);
}
