import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, memberToken, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { recordMemberNotice } from './notices.service.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
});
afterAll(() => env.close());

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>) =>
  env.app.inject({ method, url: `/api/v1${url}`, headers });

async function signedIn(phone: string) {
  const headers = bearer(await memberToken(env, phone));
  const me = (await call('GET', '/me', headers)).json() as { user: { id: number } };
  return { headers, accountId: me.user.id };
}

describe('notices: the member inbox', () => {
  it('lists the account’s notices newest first and marks them read once the inbox is opened', async () => {
    const worker = await signedIn('13911110001');
    const other = await signedIn('13911110002');
    const at = env.clock.now();
    await recordMemberNotice(env.ctx.db, {
      accountId: worker.accountId,
      kind: 'join.rejected',
      text: '您申请加入郑州绿城物业服务有限公司工会未通过：请先与公司人事部门确认。',
      at: new Date(at.getTime() - 60_000),
    });
    await recordMemberNotice(env.ctx.db, {
      accountId: worker.accountId,
      kind: 'join.accepted',
      text: '您已加入郑州绿城物业服务有限公司工会。',
      at,
    });
    await recordMemberNotice(env.ctx.db, {
      accountId: other.accountId,
      kind: 'join.accepted',
      text: '其他',
      at,
    });

    const inbox = (await call('GET', '/me/notices', worker.headers)).json().items;
    expect(inbox.map((n: { kind: string; readAt: string | null }) => [n.kind, n.readAt])).toEqual([
      ['join.accepted', null],
      ['join.rejected', null],
    ]);

    const read = await call('POST', '/me/notices/read', worker.headers);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ marked: 2 });
    const after = (await call('GET', '/me/notices', worker.headers)).json().items;
    expect(after.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await call('POST', '/me/notices/read', worker.headers)).json()).toEqual({ marked: 0 });

    // Another account's inbox is untouched.
    const theirs = (await call('GET', '/me/notices', other.headers)).json().items;
    expect(theirs).toEqual([expect.objectContaining({ text: '其他', readAt: null })]);
  });

  it('is for member accounts only', async () => {
    const staff = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['org_admin'] })),
    );
    for (const [method, url] of [
      ['GET', '/me/notices'],
      ['POST', '/me/notices/read'],
    ] as const) {
      expect((await call(method, url, {})).statusCode).toBe(401);
      const asStaff = await call(method, url, staff);
      expect(asStaff.statusCode).toBe(403);
      expect(asStaff.json().error.code).toBe('FORBIDDEN');
    }
  });
});
