import type { StaffRole } from '@unionhub/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltMember,
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  uniquePhone,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';

/** Shared setup of the members route tests: one database per test file, the same org tree in each. */
export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let otherGrassroots: OrgRow;
/** Every plain ID number and phone the file stores: none may appear anywhere in the database. */
export const plain: string[] = [];

export function useMembersEnv(): void {
  beforeAll(async () => {
    env = await createTestEnv();
    tree = await buildOrgTree(env);
    otherGrassroots = await buildOrg(env, {
      parent: tree.otherCounty,
      name: '开封市龙亭区汴京机械有限公司工会',
      regionCode: '410202',
    });
  });
  afterAll(() => env.close());
}

export async function member(org: OrgRow, overrides: Omit<Parameters<typeof buildMember>[1], 'org'> = {}) {
  const built = await buildMember(env, { org, ...overrides });
  plain.push(built.idNumber, built.phone);
  return built;
}

/** A member in each org the access matrix targets, made fresh for each matrix. */
export async function membersByOrg(): Promise<Map<number, BuiltMember>> {
  return new Map([
    [tree.grassroots.id, await member(tree.grassroots)],
    [otherGrassroots.id, await member(otherGrassroots)],
  ]);
}

export async function tokenAs(role: StaffRole, org: OrgRow = tree.county): Promise<Record<string, string>> {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

export function newMemberBody(orgId: number, overrides: Record<string, unknown> = {}) {
  const body = {
    orgId,
    name: '李建国',
    idNumber: validIdNumber(),
    phone: uniquePhone(),
    joinedOn: '2021-03-15',
    employerName: '郑州绿城物业服务有限公司',
    categories: ['migrant_worker'],
    ...overrides,
  };
  plain.push(String(body.idNumber), String(body.phone));
  return body;
}

export const counts = async () => {
  const [row] = await env.database.query<{ m: number; h: number; a: number }>(
    `select (select count(*)::int from members) as m,
            (select count(*)::int from member_status_history) as h,
            (select count(*)::int from audit_log) as a`,
  );
  return row!;
};

export const historyOf = async (memberId: number) =>
  env.database.query<{ from_status: string | null; to_status: string; reason: string | null }>(
    'select from_status, to_status, reason from member_status_history where member_id = $1 order by id',
    [memberId],
  );

/** Run last in each file: no plain value the file stored is anywhere in its database. */
export function describePersonalDataAtRest(): void {
  describe('personal data at rest', () => {
    it('keeps no plain ID number or phone anywhere in the database', async () => {
      expect(plain.length).toBeGreaterThan(50);
      const tables = await env.database.query<{ tablename: string }>(
        "select tablename from pg_tables where schemaname = 'public'",
      );
      expect(tables.map((t) => t.tablename)).toEqual(
        expect.arrayContaining(['members', 'member_status_history']),
      );
      const values = [...new Set(plain)];
      for (const { tablename } of tables) {
        const rows = await env.database.query<{ t: string }>(`select t::text as t from "${tablename}" t`);
        for (const row of rows) for (const value of values) expect(row.t, tablename).not.toContain(value);
      }
    });
  });
}
