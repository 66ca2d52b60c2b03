import type { Db } from '../../db/client.js';
import type { MemberActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findMemberAccountByPhoneHash } from '../auth/index.js';
import * as repo from './notices.repository.js';

export type NoticeKind = 'join.accepted' | 'join.rejected' | 'transfer.completed' | 'transfer.rejected';

/** Puts a notice in a member account's inbox, in the caller's transaction. */
export async function recordMemberNotice(
  tx: Db,
  notice: { accountId: number; kind: NoticeKind; text: string; at: Date },
): Promise<void> {
  await repo.insertNotice(tx, {
    accountId: notice.accountId,
    kind: notice.kind,
    text: notice.text,
    createdAt: notice.at,
  });
}

/** As above for the account signed in with a member's phone; a member without an account gets none. */
export async function recordNoticeForPhone(
  tx: Db,
  notice: { phoneHash: Buffer; kind: NoticeKind; text: string; at: Date },
): Promise<void> {
  const account = await findMemberAccountByPhoneHash(tx, notice.phoneHash);
  if (account) await recordMemberNotice(tx, { accountId: account.id, ...notice });
}

export async function listMyNotices(ctx: AppContext, actor: MemberActor) {
  return repo.listNoticesOf(ctx.db, actor.id, 100);
}

/** The inbox was opened: everything in it counts as read from now on. */
export async function markMyNoticesRead(ctx: AppContext, actor: MemberActor): Promise<number> {
  return repo.markNoticesRead(ctx.db, actor.id, ctx.clock.now());
}
