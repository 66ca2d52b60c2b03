import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffRole } from '@unionhub/contracts';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { recordAudit } from '../modules/audit/index.js';
import { hashPassword, staffUsers } from '../modules/auth/index.js';
import { insertOrg, type OrgRow, orgs } from '../modules/orgs/index.js';
import { regionChildren, townshipsOf } from '../modules/regions/index.js';
import type { AppContext } from '../platform/context.js';
import { seedDemoAssistance } from './demo-assistance.js';
import { seedDemoConsultations } from './demo-consultations.js';
import { seedDemoHall } from './demo-hall.js';
import { seedDemoJobs } from './demo-jobs.js';
import { seedDemoLegal } from './demo-legal.js';
import { seedDemoLegalAid } from './demo-legal-aid.js';
import { demoMemberPhone, seedDemoMembers } from './demo-members.js';

/** Henan: the province whose 「豫工惠」 app the source document describes. */
export const DEMO_PROVINCE = '410000';
export const DEMO_MEMBER_PHONE = '13800138000';

export interface DemoAccount {
  username: string;
  password: string;
  role: StaffRole;
  orgName: string;
}

export interface DemoResult {
  orgs: number;
  members: number;
  accounts: DemoAccount[];
  memberPhone: string;
}

const federationName = (regionName: string) => `${regionName}总工会`;

/** Townships with unions in the demo: every street of 金水区 and of 中原区 in Zhengzhou. */
const DEMO_TOWNSHIP_COUNTIES = ['410105', '410102'];

/** Grassroots unions of the demo, under 金水区 (county) and its first streets. */
const GRASSROOTS: {
  name: string;
  kind: 'regular' | 'joint' | 'industry' | 'trade';
  under: 'county' | number;
}[] = [
  { name: '河南中原建设集团有限公司工会委员会', kind: 'regular', under: 'county' },
  { name: '郑州金水区餐饮行业工会', kind: 'trade', under: 'county' },
  { name: '金水区快递物流产业工会', kind: 'industry', under: 'county' },
  { name: '郑州绿城物业服务有限公司工会', kind: 'regular', under: 0 },
  { name: '花园路商圈小微企业联合工会', kind: 'joint', under: 0 },
  { name: '郑州市第七人民医院工会', kind: 'regular', under: 1 },
  { name: '河南豫信软件科技有限公司工会', kind: 'regular', under: 1 },
  { name: '人民路街道新就业形态劳动者联合工会', kind: 'joint', under: 2 },
];

export async function hasAnyOrg(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) > 0;
}

export function demoPassword(): string {
  // Readable but not guessable: e.g. "Yu-3kq7-Hn2x".
  const part = () => randomBytes(4).toString('base64url').replace(/[-_]/g, 'x').slice(0, 4);
  return `Yu-${part()}-${part()}`;
}

/**
 * Loads Henan's union structure from the GB/T 2260 dataset: the national federation, the province,
 * its 18 cities and their counties and districts, township unions in two districts of Zhengzhou,
 * and a handful of grassroots unions; then demo staff at four levels. Passwords are random per
 * data folder and written to DATA_DIR/demo-accounts.json (mode 600).
 */
export async function seedDemo(ctx: AppContext): Promise<DemoResult> {
  const accounts: DemoAccount[] = [
    { username: 'henan_admin', password: demoPassword(), role: 'org_admin', orgName: '' },
    { username: 'zhengzhou_admin', password: demoPassword(), role: 'org_admin', orgName: '' },
    { username: 'jinshui_staff', password: demoPassword(), role: 'staff', orgName: '' },
    { username: 'zhongyuan_jianshe', password: demoPassword(), role: 'org_admin', orgName: '' },
    { username: 'merchant_verifier', password: demoPassword(), role: 'card_verifier', orgName: '' },
    { username: 'henan_viewer', password: demoPassword(), role: 'viewer', orgName: '' },
  ];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  let created = 0;
  const unions: OrgRow[] = [];
  let hall: { province: OrgRow; city: OrgRow; county: OrgRow } | undefined;
  await inTransaction(ctx.db, async (tx) => {
    const add = async (
      parent: OrgRow | null,
      values: { name: string; level: string; kind?: string; regionCode?: string | null },
    ) => {
      created++;
      return insertOrg(
        tx,
        {
          name: values.name,
          level: values.level,
          kind: values.kind ?? 'regular',
          regionCode: values.regionCode ?? null,
          provinceCode: values.level === 'national' ? null : DEMO_PROVINCE,
        },
        parent,
      );
    };
    const national = await add(null, { name: '中华全国总工会', level: 'national' });
    const province = await add(national, {
      name: '河南省总工会',
      level: 'province',
      regionCode: DEMO_PROVINCE,
    });
    let zhengzhou: OrgRow | undefined;
    let jinshui: OrgRow | undefined;
    const townsOfJinshui: OrgRow[] = [];
    for (const city of regionChildren(DEMO_PROVINCE)) {
      const cityOrg = await add(province, {
        name: federationName(city.name),
        level: 'city',
        regionCode: city.code,
      });
      if (city.code === '410100') zhengzhou = cityOrg;
      for (const county of regionChildren(city.code)) {
        const countyOrg = await add(cityOrg, {
          name: federationName(county.name),
          level: 'county',
          regionCode: county.code,
        });
        if (county.code === '410105') jinshui = countyOrg;
        if (!DEMO_TOWNSHIP_COUNTIES.includes(county.code)) continue;
        for (const town of townshipsOf(county.code)) {
          const townOrg = await add(countyOrg, {
            name: `${town.name}工会`,
            level: 'township',
            regionCode: county.code,
          });
          if (county.code === '410105') townsOfJinshui.push(townOrg);
        }
      }
    }
    if (!zhengzhou || !jinshui) throw new Error('The region dataset lacks Zhengzhou or Jinshui');
    let grassroots: OrgRow | undefined;
    for (const g of GRASSROOTS) {
      const parent = g.under === 'county' ? jinshui : (townsOfJinshui[g.under] ?? jinshui);
      const org = await add(parent, {
        name: g.name,
        level: 'grassroots',
        kind: g.kind,
        regionCode: '410105',
      });
      grassroots ??= org;
      unions.push(org);
    }
    // The merchant's counter account hangs under the district federation that signed the merchant up.
    hall = { province, city: zhengzhou, county: jinshui };
    const home = [province, zhengzhou, jinshui, grassroots!, jinshui, province];
    const names = [
      '河南省总工会管理员',
      '郑州市总工会管理员',
      '金水区总工会工作人员',
      '中原建设集团工会主席',
      '花园路普惠商户收银台',
      '河南省总工会督查员',
    ];
    for (const [i, account] of accounts.entries()) {
      account.orgName = home[i]!.name;
      const [user] = await tx
        .insert(staffUsers)
        .values({
          orgId: home[i]!.id,
          username: account.username,
          displayName: names[i]!,
          passwordHash: hashes[i]!,
          roles: [account.role],
        })
        .returning({ id: staffUsers.id });
      await recordAudit(tx, {
        actor: { kind: 'system', name: 'seed-demo' },
        action: 'user.create',
        orgId: home[i]!.id,
        targetType: 'staff_user',
        targetId: user!.id,
        details: { username: account.username, roles: [account.role], demo: true },
      });
    }
  });
  const members = await seedDemoMembers(ctx, unions);
  await seedDemoHall(ctx, hall!, [0, 1, 2, 3, 4].map(demoMemberPhone));
  await seedDemoAssistance(
    ctx,
    { province: hall!.province, city: hall!.city, county: hall!.county, grassroots: unions[0]! },
    [10, 11, 12, 13, 14, 15, 16, 17].map(demoMemberPhone),
  );
  await seedDemoLegal(ctx, { ...hall!, grassroots: unions }, [0, 1, 2, 3, 4, 5].map(demoMemberPhone));
  accounts.push(
    ...(await seedDemoConsultations(ctx, hall!.city, [6, 7, 8, 9].map(demoMemberPhone), demoPassword)),
  );
  const recruiter = await seedDemoJobs(
    ctx,
    { province: hall!.province, city: hall!.city, unions },
    [5, 6, 7].map(demoMemberPhone),
  );
  accounts.push({
    username: recruiter.username,
    password: recruiter.password,
    role: 'enterprise_recruiter',
    orgName: recruiter.enterpriseName,
  });
  await seedDemoLegalAid(ctx, hall!, [6, 7, 8, 9].map(demoMemberPhone), [0, 1, 2, 3, 4].map(demoMemberPhone));
  writeFileSync(
    join(ctx.config.dataDir, 'demo-accounts.json'),
    `${JSON.stringify({ accounts, memberPhone: DEMO_MEMBER_PHONE }, null, 2)}\n`,
    { mode: 0o600 },
  );
  return { orgs: created, members, accounts, memberPhone: DEMO_MEMBER_PHONE };
}

export function formatDemoAccounts(result: DemoResult, baseUrl: string): string {
  const lines = [
    '',
    `  Demo data loaded: Henan province (410000), its cities and counties, township and grassroots unions, ${result.members} members.`,
    `  Admin console  ${baseUrl}/admin   — staff accounts (passwords are random for this data folder):`,
    ...result.accounts.map(
      (a) => `      ${a.username.padEnd(18)} ${a.password.padEnd(16)} ${a.role.padEnd(20)} ${a.orgName}`,
    ),
    `  Member app     ${baseUrl}/m       — phone ${result.memberPhone}; the sign-in code is printed here.`,
    '  (The accounts are also in DATA_DIR/demo-accounts.json.)',
    '',
  ];
  return lines.join('\n');
}
