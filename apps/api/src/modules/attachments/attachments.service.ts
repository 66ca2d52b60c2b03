import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { AttachmentKind, AttachmentRef, AttachmentRequirement, ErrorDetail } from '@unionhub/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../db/client.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import {
  ACCEPTED_TYPES,
  cleanFilename,
  MAX_ATTACHMENT_BYTES,
  UNCLAIMED_TTL_MS,
} from './attachments.policy.js';
import * as repo from './attachments.repository.js';

export type { AttachmentRow } from './attachments.repository.js';

type Person = StaffActor | MemberActor;
const uploaderOf = (actor: Person) => ({ uploaderType: actor.kind, uploaderId: actor.id });

const KIND_NAMES: Record<AttachmentKind, string> = {
  image: '图片',
  pdf: 'PDF',
  office: 'Word 或 Excel 文件',
};

/**
 * Takes one uploaded file: refuses it when too large or not of an accepted type (judged by its
 * bytes), stores it under a generated key, and records it as the uploader's until claimed.
 */
export async function uploadAttachment(ctx: AppContext, actor: Person, file: MultipartFile | undefined) {
  if (!file)
    throw validationError([{ path: 'file', message: 'Send one file in the multipart field "file"' }]);
  let buffer: Buffer;
  try {
    buffer = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, [
        { path: 'file', message: `larger than ${MAX_ATTACHMENT_BYTES} bytes` },
      ]);
    throw err;
  }
  const detected = await fileTypeFromBuffer(buffer);
  const kind = detected ? ACCEPTED_TYPES[detected.mime] : undefined;
  if (!detected || !kind)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      '只能上传图片（JPG、PNG、WebP、HEIC）、PDF 或 Word、Excel 文件',
      [{ path: 'file', message: `content is ${detected?.mime ?? 'not a recognised file type'}` }],
    );
  const stored = await ctx.files.put(Readable.from(buffer));
  return repo.insertAttachment(ctx.db, {
    storageKey: stored.key,
    filename: cleanFilename(file.filename),
    contentType: detected.mime,
    kind,
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    ...uploaderOf(actor),
    createdAt: ctx.clock.now(),
  });
}

/** The uploader sees their own file until a record claims it; after that the owner decides. */
export async function getMyUnclaimedAttachment(ctx: AppContext, actor: Person, id: number) {
  const row = await repo.findAttachment(ctx.db, id);
  if (!row || row.ownerType || row.uploaderType !== actor.kind || row.uploaderId !== actor.id)
    throw new AppError('NOT_FOUND', `Attachment ${id} not found`);
  return row;
}

/**
 * Gives the caller's unclaimed uploads to a record, in the caller's transaction. Each reference must
 * be the caller's own unclaimed file; with requirements, each slot must exist, accept the file's
 * kind and not be over its count, and every required slot must be filled. Problems name
 * `<path>.<i>` (or the slot) and, in Chinese, the requirement's label.
 */
export async function claimAttachments(
  tx: Db,
  actor: Person,
  refs: AttachmentRef[],
  owner: { type: string; id: number },
  opts: { path: string; requirements?: AttachmentRequirement[] },
): Promise<repo.AttachmentRow[]> {
  const problems: ErrorDetail[] = [];
  const ids = refs.map((r) => r.id);
  const rows = new Map((await repo.lockAttachments(tx, ids)).map((r) => [r.id, r]));
  const counts = new Map<string, number>();
  refs.forEach((ref, i) => {
    const path = `${opts.path}.${i}`;
    const row = rows.get(ref.id);
    if (!row || row.uploaderType !== actor.kind || row.uploaderId !== actor.id) {
      problems.push({ path, message: `附件 ${ref.id} 不存在或不是您上传的` });
      return;
    }
    if (row.ownerType) {
      problems.push({ path, message: `附件“${row.filename}”已用于其他记录` });
      return;
    }
    if (ids.indexOf(ref.id) !== i) problems.push({ path, message: `附件“${row.filename}”重复` });
    if (!opts.requirements) return;
    const requirement = opts.requirements.find((r) => r.key === ref.slot);
    if (!requirement) {
      problems.push({ path: `${path}.slot`, message: `没有“${ref.slot ?? ''}”这一项材料` });
      return;
    }
    if (!requirement.kinds.includes(row.kind as AttachmentKind))
      problems.push({
        path,
        message: `「${requirement.label}」只接受${requirement.kinds.map((k) => KIND_NAMES[k]).join('、')}`,
      });
    counts.set(requirement.key, (counts.get(requirement.key) ?? 0) + 1);
  });
  for (const requirement of opts.requirements ?? []) {
    const n = counts.get(requirement.key) ?? 0;
    if (requirement.required && n === 0)
      problems.push({ path: `${opts.path}.${requirement.key}`, message: `请上传「${requirement.label}」` });
    if (n > requirement.maxCount)
      problems.push({
        path: `${opts.path}.${requirement.key}`,
        message: `「${requirement.label}」最多 ${requirement.maxCount} 个`,
      });
  }
  if (problems.length) throw validationError(problems);
  const slots = new Map(refs.map((r) => [r.id, r.slot ?? null]));
  await repo.setOwner(tx, ids, owner, slots);
  // As stored now, in the order a read of the owner's files gives them.
  return ids
    .map((id) => ({
      ...rows.get(id)!,
      ownerType: owner.type,
      ownerId: owner.id,
      slot: slots.get(id) ?? null,
    }))
    .sort((a, b) => a.id - b.id);
}

export async function listAttachmentsOf(db: Db, ownerType: string, ownerIds: number[]) {
  return repo.listOwnedBy(db, ownerType, ownerIds);
}

/** The file of a record the caller may read (the owning module has checked that). */
export async function findOwnedAttachment(db: Db, owner: { type: string; ids: number[] }, id: number) {
  const row = await repo.findAttachment(db, id);
  if (!row || row.ownerType !== owner.type || row.ownerId === null || !owner.ids.includes(row.ownerId))
    throw new AppError('NOT_FOUND', `Attachment ${id} not found`);
  return row;
}

export function openAttachment(ctx: AppContext, row: repo.AttachmentRow) {
  return ctx.files.get(row.storageKey);
}

/** Removes uploads nobody claimed within a day (abandoned forms), files and rows. */
export async function purgeUnclaimedAttachments(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - UNCLAIMED_TTL_MS);
  const stale = await repo.deleteUnclaimedBefore(ctx.db, before, 500);
  for (const row of stale) await ctx.files.delete(row.storageKey);
  return stale.length;
}
