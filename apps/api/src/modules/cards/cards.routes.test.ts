import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  type BuiltMember,
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';
import { parseCardNumber } from './card-number.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let staffToken: string;
let verifierToken: string;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭机械厂工会',
    regionCode: '410202',
  });
  staffToken = await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] }));
  // Verification is not scoped: a viewer of another city checks a card of this one.
  verifierToken = await tokenFor(env, await buildStaffUser(env, { org: tree.otherCity, roles: ['viewer'] }));
});
afterAll(() => env.close());

const post = (url: string, token: string, payload?: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
const get = (url: string, token: string) => env.app.inject({ method: 'GET', url, headers: bearer(token) });

async function memberWithCard(name = '李建华') {
  const member = await buildMember(env, { org: tree.grassroots, name, phone: uniquePhone() });
  const res = await post(`/api/v1/members/${member.id}/card`, staffToken);
  expect(res.statusCode, res.body).toBe(201);
  return { member, card: res.json() };
}

async function myCard(member: BuiltMember) {
  const res = await get('/api/v1/me/card', await memberToken(env, member.phone));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const verifyToken = (token: string, by = verifierToken) => post('/api/v1/cards/verify', by, { token });

describe('member cards', () => {
  it('POST /members/{id}/card passes the access matrix', async () => {
    const inside = await buildMember(env, { org: tree.grassroots });
    const outside = await buildMember(env, { org: otherGrassroots });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/members/${org.id === tree.grassroots.id ? inside.id : outside.id}/card`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
      successStatus: 201,
    });
  });

  it('card changes and history pass the access matrix', async () => {
    const inside = await memberWithCard();
    const outside = await buildMember(env, { org: otherGrassroots });
    const admin = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.otherCity, roles: ['org_admin'] }),
    );
    const outsideCard = (await post(`/api/v1/members/${outside.id}/card`, admin)).json();
    const pick = (org: OrgRow) => org.id === tree.grassroots.id;
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/members/${pick(org) ? inside.member.id : outside.id}/cards`,
      allowedRole: 'org_admin',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'POST',
      url: (org) => `/api/v1/cards/${pick(org) ? inside.card.id : outsideCard.id}/suspend`,
      payload: () => ({ reason: '会员报失' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('issues a checkable number from the union’s region and the year, once per member', async () => {
    const { member, card } = await memberWithCard();
    const year = new Date(env.clock.now().getTime() + 8 * 3600_000).getUTCFullYear();
    expect(card).toMatchObject({ memberId: member.id, orgId: tree.grassroots.id, status: 'active' });
    expect(parseCardNumber(card.cardNo)).toMatchObject({ regionCode: '410105', year });
    const again = await post(`/api/v1/members/${member.id}/card`, staffToken);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CARD_ALREADY_ACTIVE');
    const [row] = await env.database.query<{ card_no: string }>('select card_no from members where id = $1', [
      member.id,
    ]);
    expect(row?.card_no).toBe(card.cardNo);
    const [audit] = await env.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'card.issue' and target_id = $1",
      [String(card.id)],
    );
    expect(audit?.n).toBe(1);
  });

  it('gives concurrent issues distinct serials', async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, () => buildMember(env, { org: tree.grassroots, phone: uniquePhone() })),
    );
    const cards = await Promise.all(people.map((p) => post(`/api/v1/members/${p.id}/card`, staffToken)));
    for (const c of cards) expect(c.statusCode, c.body).toBe(201);
    const serials = cards.map((c) => parseCardNumber(c.json().cardNo)!.serial);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('refuses a card to a member who left', async () => {
    const member = await buildMember(env, { org: tree.grassroots });
    await env.database.query("update members set status = 'left' where id = $1", [member.id]);
    const res = await post(`/api/v1/members/${member.id}/card`, staffToken);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CARD_MEMBER_NOT_ACTIVE');
  });

  it('shows the member its card with a token any verifier accepts once', async () => {
    const { member, card } = await memberWithCard('张三丰');
    const mine = await myCard(member);
    expect(mine).toMatchObject({
      cardNo: card.cardNo,
      memberName: '张**',
      orgName: '郑州绿城物业服务有限公司工会',
      status: 'active',
    });
    expect(new Date(mine.expiresAt).getTime() - env.clock.now().getTime()).toBeLessThanOrEqual(60_000);
    const first = await verifyToken(mine.token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      valid: true,
      reason: null,
      cardNo: card.cardNo,
      maskedName: '张**',
      orgName: '郑州绿城物业服务有限公司工会',
    });
    expect(first.body).not.toContain('张三丰');
    const replay = await verifyToken(mine.token);
    expect(replay.json()).toEqual({
      valid: false,
      reason: 'replayed',
      cardNo: null,
      maskedName: null,
      orgName: null,
    });
    // Another verifier may still check the same token within its window.
    const other = await verifyToken(mine.token, staffToken);
    expect(other.json().valid).toBe(true);
    const [rows] = await env.database.query<{ n: number }>(
      'select count(*)::int as n from card_verifications where card_id = $1',
      [card.id],
    );
    expect(rows?.n).toBe(3);
  });

  it('lets a terminal check the token offline with the published key', async () => {
    const { member } = await memberWithCard();
    const mine = await myCard(member);
    const key = await env.app.inject({ method: 'GET', url: '/api/v1/cards/public-key' });
    expect(key.statusCode).toBe(200);
    const { spkiPem, raw } = key.json();
    const bytes = Buffer.from(mine.token.slice('UHC1.'.length), 'base64url');
    const publicKey = createPublicKey(spkiPem);
    expect(verify(null, bytes.subarray(0, 23), publicKey, bytes.subarray(23))).toBe(true);
    expect(Buffer.from(raw, 'base64url')).toHaveLength(32);
  });

  it('refuses an expired, forged or malformed token without any member data', async () => {
    const { member } = await memberWithCard('王秀英');
    const stale = (await myCard(member)).token as string;
    const fresh = (await myCard(member)).token as string;
    const bytes = Buffer.from(fresh.slice(5), 'base64url');
    bytes[3] = (bytes[3] ?? 0) ^ 1; // another card id
    const tampered = `UHC1.${bytes.toString('base64url')}`;
    const forged = await verifyToken(tampered);
    expect(forged.json()).toEqual({
      valid: false,
      reason: 'bad_signature',
      cardNo: null,
      maskedName: null,
      orgName: null,
    });
    expect(forged.body).not.toContain('王');
    expect((await verifyToken('not-a-token')).json().reason).toBe('malformed');
    env.clock.advance(75_000);
    verifierToken = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.otherCity, roles: ['viewer'] }),
    );
    const expired = await verifyToken(stale);
    expect(expired.json()).toMatchObject({ valid: false, reason: 'expired', cardNo: null, maskedName: null });
  });

  it('refuses suspended and revoked cards, and a reissued card’s old number, while the new card passes', async () => {
    const { member, card } = await memberWithCard();
    const suspended = await post(`/api/v1/cards/${card.id}/suspend`, staffToken, { reason: '会员报失' });
    expect(suspended.json().status).toBe('suspended');
    expect((await verifyToken((await myCard(member)).token)).json()).toMatchObject({
      valid: false,
      reason: 'card_suspended',
      maskedName: null,
    });
    const twice = await post(`/api/v1/cards/${card.id}/suspend`, staffToken, { reason: '会员报失' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CARD_BAD_TRANSITION');
    const resumed = await post(`/api/v1/cards/${card.id}/resume`, staffToken);
    expect(resumed.json().status).toBe('active');
    const oldToken = (await myCard(member)).token;
    const reissued = await post(`/api/v1/cards/${card.id}/reissue`, staffToken, { reason: '卡面损坏' });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const newCard = reissued.json();
    expect(newCard.cardNo).not.toBe(card.cardNo);
    expect(parseCardNumber(newCard.cardNo)).not.toBeNull();
    expect((await verifyToken(oldToken)).json().reason).toBe('card_replaced');
    const now = await myCard(member);
    expect(now.cardNo).toBe(newCard.cardNo);
    expect((await verifyToken(now.token)).json()).toMatchObject({ valid: true, cardNo: newCard.cardNo });
    const history = (await get(`/api/v1/members/${member.id}/cards`, staffToken)).json().items;
    expect(history.map((c: { status: string }) => c.status)).toEqual(['active', 'replaced']);
    expect(history[1].replacedById).toBe(newCard.id);

    const revoked = await post(`/api/v1/cards/${newCard.id}/revoke`, staffToken, { reason: '会员退会' });
    expect(revoked.json().status).toBe('revoked');
    expect((await verifyToken(now.token, staffToken)).json().reason).toBe('card_revoked');
    const [row] = await env.database.query<{ card_no: string | null }>(
      'select card_no from members where id = $1',
      [member.id],
    );
    expect(row?.card_no).toBeNull();
    const actions = await env.database.query<{ action: string; details: { reason?: string } }>(
      "select action, details from audit_log where target_type = 'member_card' and target_id in ($1, $2) order by id",
      [String(card.id), String(newCard.id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'card.issue',
      'card.suspend',
      'card.resume',
      'card.reissue',
      'card.revoke',
    ]);
    expect(actions.at(-1)?.details.reason).toBe('会员退会');
  });

  it('answers CARD_NOT_FOUND to a member without a card, and verifies for an API key', async () => {
    const member = await buildMember(env, { org: tree.grassroots, phone: uniquePhone() });
    const none = await get('/api/v1/me/card', await memberToken(env, member.phone));
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('CARD_NOT_FOUND');
    expect((await post('/api/v1/cards/verify', verifierToken, { token: 'x', extra: 1 })).statusCode).toBe(
      400,
    );
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/v1/cards/verify', payload: { token: 'x' } }))
        .statusCode,
    ).toBe(401);

    const admin = await tokenFor(
      env,
      await buildStaffUser(env, { org: tree.otherCity, roles: ['org_admin'] }),
    );
    const key = (
      await post('/api/v1/api-keys', admin, {
        name: '商户核验终端',
        orgId: tree.otherCity.id,
        permissions: ['card.verify'],
      })
    ).json().key;
    const { member: holder } = await memberWithCard();
    const token = (await myCard(holder)).token;
    const byKey = (t: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/cards/verify',
        headers: { authorization: `ApiKey ${key}` },
        payload: { token: t },
      });
    expect((await byKey(token)).json().valid).toBe(true);
    expect((await byKey(token)).json().reason).toBe('replayed');
  });
});
