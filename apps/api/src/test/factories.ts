import { randomBytes } from 'node:crypto';
import {
  creditCodeCheckChar,
  idNumberCheckChar,
  type MemberCategory,
  type StaffRole,
  type TokenPair,
} from '@unionhub/contracts';
import { hashPassword, staffUsers } from '../modules/auth/index.js';
import { enterprises } from '../modules/enterprises/index.js';
import { createMember } from '../modules/members/index.js';
import { insertOrg, type OrgRow } from '../modules/orgs/index.js';
import { nameKeys } from '../platform/pinyin.js';
import type { TestEnv } from './harness.js';

let seq = 0;
const unique = () => `${++seq}${randomBytes(2).toString('hex')}`;

export async function buildOrg(
  env: TestEnv,
  overrides: {
    parent?: OrgRow | null;
    name?: string;
    level?: string;
    kind?: string;
    regionCode?: string | null;
  } = {},
): Promise<OrgRow> {
  return insertOrg(
    env.ctx.db,
    {
      name: overrides.name ?? `测试工会${unique()}`,
      level: overrides.level ?? 'grassroots',
      kind: overrides.kind ?? 'regular',
      regionCode: overrides.regionCode ?? null,
      provinceCode: '410000',
    },
    overrides.parent ?? null,
  );
}

/**
 * The tree most tests need: a province with two cities; the first city has a county with a
 * grassroots union. Staff of the county must not see the second city (other subtree).
 */
export async function buildOrgTree(env: TestEnv) {
  const province = await buildOrg(env, { name: '河南省总工会', level: 'province', regionCode: '410000' });
  const city = await buildOrg(env, {
    parent: province,
    name: '郑州市总工会',
    level: 'city',
    regionCode: '410100',
  });
  const otherCity = await buildOrg(env, {
    parent: province,
    name: '开封市总工会',
    level: 'city',
    regionCode: '410200',
  });
  const county = await buildOrg(env, {
    parent: city,
    name: '金水区总工会',
    level: 'county',
    regionCode: '410105',
  });
  const otherCounty = await buildOrg(env, {
    parent: otherCity,
    name: '龙亭区总工会',
    level: 'county',
    regionCode: '410202',
  });
  const grassroots = await buildOrg(env, {
    parent: county,
    name: '郑州绿城物业服务有限公司工会',
    regionCode: '410105',
  });
  return { province, city, otherCity, county, otherCounty, grassroots };
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random GB 32100 credit code with a right check character: 91 (enterprise), a region, 9 characters. */
export function validCreditCode(regionCode = '410105'): string {
  const body = Array.from(randomBytes(9), (b) => CREDIT_CHARS[b % CREDIT_CHARS.length]).join('');
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * An enterprise owned by `org`: covered by it when it is a grassroots union (unless `covered` is
 * false), otherwise registered there without a union.
 */
export async function buildEnterprise(
  env: TestEnv,
  overrides: {
    org: OrgRow;
    covered?: boolean;
    name?: string;
    creditCode?: string;
    regionCode?: string;
    industryCode?: string;
    employeeCount?: number | null;
    status?: 'active' | 'closed';
  },
) {
  const name = overrides.name ?? `测试企业${unique()}有限公司`;
  const keys = nameKeys(name);
  const regionCode = overrides.regionCode ?? overrides.org.regionCode ?? '410105';
  const covered = overrides.covered ?? overrides.org.level === 'grassroots';
  const [row] = await env.ctx.db
    .insert(enterprises)
    .values({
      creditCode: overrides.creditCode ?? validCreditCode(regionCode),
      name,
      namePinyin: keys.pinyin,
      nameInitials: keys.initials,
      industryCode: overrides.industryCode ?? 'I',
      regionCode,
      provinceCode: `${regionCode.slice(0, 2)}0000`,
      employeeCount: overrides.employeeCount === undefined ? 20 : overrides.employeeCount,
      ownerOrgId: overrides.org.id,
      orgId: covered ? overrides.org.id : null,
      status: overrides.status ?? 'active',
    })
    .returning();
  return row!;
}

// Hashing with argon2 is deliberately slow; one hash serves every test user.
const TEST_PASSWORD = 'Correct-Horse-Battery-9';
let testHash: Promise<string> | undefined;

export interface BuiltUser {
  id: number;
  username: string;
  password: string;
  org: OrgRow;
}

export async function buildStaffUser(
  env: TestEnv,
  overrides: { org: OrgRow; roles?: StaffRole[]; username?: string },
): Promise<BuiltUser> {
  testHash ??= hashPassword(TEST_PASSWORD);
  const username = overrides.username ?? `user_${unique()}`;
  const [row] = await env.ctx.db
    .insert(staffUsers)
    .values({
      orgId: overrides.org.id,
      username,
      displayName: `测试用户${username}`,
      passwordHash: await testHash,
      roles: overrides.roles ?? ['org_admin'],
    })
    .returning({ id: staffUsers.id });
  return { id: row!.id, username, password: TEST_PASSWORD, org: overrides.org };
}

export async function login(env: TestEnv, user: { username: string; password: string }): Promise<TokenPair> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json() as TokenPair;
}

export async function tokenFor(env: TestEnv, user: BuiltUser): Promise<string> {
  return (await login(env, user)).accessToken;
}

export async function memberToken(env: TestEnv, phone = '13900001234'): Promise<string> {
  await env.app.inject({ method: 'POST', url: '/api/v1/auth/otp', payload: { phone } });
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/verify',
    payload: { phone, code: env.sms.lastCode(phone) },
  });
  if (res.statusCode !== 200) throw new Error(`member login failed: ${res.statusCode} ${res.body}`);
  env.clock.advance(61_000);
  return (res.json() as TokenPair).accessToken;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let idSeq = 0;

/**
 * A valid GB 11643 ID number, different at every call unless `seq` is given: region, birth date
 * (YYYYMMDD) and gender as asked, the sequence odd for men and even for women, the check character computed.
 */
export function validIdNumber(
  overrides: { region?: string; birthDate?: string; gender?: 'male' | 'female'; seq?: number } = {},
): string {
  const gender = overrides.gender ?? 'male';
  const n = overrides.seq ?? ++idSeq;
  const base = (n % 499) * 2;
  const sequence = String(gender === 'male' ? base + 1 : base).padStart(3, '0');
  const birth =
    overrides.birthDate ?? `19${String(60 + (Math.floor(n / 499) % 40))}0${1 + (n % 9)}1${n % 10}`;
  const first17 = `${overrides.region ?? '410105'}${birth}${sequence}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

let phoneSeq = 0;
/** A mainland mobile number, different at every call. */
export function uniquePhone(): string {
  return `137${String(++phoneSeq * 7919).padStart(8, '0')}`;
}

export interface BuiltMember {
  id: number;
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
}

/** A member registered through the service, as the system; the plain ID number and phone are returned for tests. */
export async function buildMember(
  env: TestEnv,
  overrides: {
    org: OrgRow;
    name?: string;
    idNumber?: string;
    phone?: string;
    joinedOn?: string;
    employerName?: string;
    categories?: MemberCategory[];
  },
): Promise<BuiltMember> {
  const input = {
    orgId: overrides.org.id,
    name: overrides.name ?? '王小明',
    idNumber: overrides.idNumber ?? validIdNumber(),
    phone: overrides.phone ?? uniquePhone(),
    joinedOn: overrides.joinedOn ?? '2020-05-01',
    ...(overrides.employerName ? { employerName: overrides.employerName } : {}),
    ...(overrides.categories ? { categories: overrides.categories } : {}),
  };
  const row = await createMember(env.ctx, null, input);
  return { id: row.id, orgId: row.orgId, name: row.name, idNumber: input.idNumber, phone: input.phone };
}
