import { type HouseholdMemberInput, idNumberCheckChar } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import {
  createBatch,
  DEFAULT_CONFIGS,
  memberApply,
  putConfig,
  recordResults,
  review,
  setBudget,
} from '../modules/assistance/index.js';
import { createFile } from '../modules/hardship/index.js';
import { members } from '../modules/members/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import type { AppContext, RequestMeta } from '../platform/context.js';
import { memberActor, staffActor } from './demo-hall.js';

const META: RequestMeta = { ip: null, userAgent: 'seed-demo', requestId: null };
const DAY = 86_400_000;
const at = (ctx: AppContext, time: Date): AppContext => ({ ...ctx, clock: { now: () => time } });

let seq = 700;
/** A valid ID number of a 金水区 resident born on the date given. */
function idOf(birth: string, female: boolean): string {
  seq += 2;
  const first17 = `410105${birth}${String(female ? seq : seq + 1).slice(-3)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

const person = (
  name: string,
  relationship: HouseholdMemberInput['relationship'],
  birth: string,
  female: boolean,
  health: HouseholdMemberInput['health'],
  jobStatus: HouseholdMemberInput['jobStatus'],
): HouseholdMemberInput => ({ name, relationship, idNumber: idOf(birth, female), health, jobStatus });

/**
 * 帮扶救助 of the demo, in 金水区: 2026 budgets of the district federation (and the city's for
 * large medical aid), hardship files of 中原建设集团's workers in each tier (one re-check overdue),
 * and applications at different stages — one waiting for the district's review, one on public
 * notice, one paid in a payment batch.
 */
export async function seedDemoAssistance(
  ctx: AppContext,
  unions: { province: OrgRow; city: OrgRow; county: OrgRow; grassroots: OrgRow },
  phones: string[],
): Promise<void> {
  // The province writes the default review configuration for every kind; unions below may replace it.
  const province = await staffActor(ctx, 'henan_admin', unions.province);
  for (const [kind, config] of Object.entries(DEFAULT_CONFIGS))
    await putConfig(
      ctx,
      province,
      { orgId: unions.province.id, kind: kind as keyof typeof DEFAULT_CONFIGS, ...config },
      META,
    );
  const county = await staffActor(ctx, 'jinshui_staff', unions.county);
  const city = await staffActor(ctx, 'zhengzhou_admin', unions.city);
  const grassroots = await staffActor(ctx, 'zhongyuan_jianshe', unions.grassroots);
  const now = ctx.clock.now();
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const budgets = {
    daily_living: 20_000_000,
    medical: 50_000_000,
    education: 30_000_000,
    emergency: 10_000_000,
  } as const;
  for (const [kind, amountFen] of Object.entries(budgets))
    await setBudget(
      ctx,
      county,
      {
        orgId: unions.county.id,
        year,
        kind: kind as keyof typeof budgets,
        amountFen,
        note: `${year} 年度帮扶资金`,
      },
      META,
    );
  await setBudget(
    ctx,
    city,
    { orgId: unions.city.id, year, kind: 'medical', amountFen: 100_000_000, note: '大额医疗救助' },
    META,
  );

  const memberOf = async (phone: string) => {
    const [row] = await ctx.db
      .select()
      .from(members)
      .where(eq(members.phoneHash, ctx.pii.lookupHash('phone', phone)));
    return row!;
  };
  const [f1, f2, f3, f4, a1, a2, a3, a4] = phones as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  // Files the district opens for the company union's workers (kept by the company union), one in each
  // tier, and one whose yearly re-check is overdue.
  const files: [
    string,
    number,
    HouseholdMemberInput[],
    ('illness' | 'disability' | 'unemployment' | 'disaster' | 'schooling')[],
    number,
  ][] = [
    [
      f1,
      32_000,
      [
        person('', 'self', '19750312', false, 'healthy', 'employed'),
        person('张桂兰', 'spouse', '19770521', true, 'serious', 'unemployed'),
        person('张子豪', 'child', '20080915', false, 'healthy', 'student'),
      ],
      ['illness', 'schooling'],
      0,
    ],
    [
      f2,
      68_000,
      [
        person('', 'self', '19800114', false, 'disabled', 'employed'),
        person('李秀梅', 'spouse', '19820603', true, 'healthy', 'employed'),
        person('王宇航', 'child', '20120420', false, 'healthy', 'student'),
      ],
      ['disability'],
      0,
    ],
    [
      f3,
      120_000,
      [
        person('', 'self', '19881009', false, 'healthy', 'employed'),
        person('刘芳', 'spouse', '19900227', true, 'healthy', 'unemployed'),
      ],
      ['disaster'],
      0,
    ],
    [
      f4,
      45_000,
      [
        person('', 'self', '19690830', false, 'chronic', 'employed'),
        person('陈玉珍', 'parent', '19450105', true, 'chronic', 'retired'),
      ],
      ['illness'],
      400,
    ],
  ];
  for (const [phone, income, household, causes, daysAgo] of files) {
    const member = await memberOf(phone);
    household[0]!.name = member.name;
    await createFile(
      at(ctx, new Date(now.getTime() - daysAgo * DAY)),
      county,
      { memberId: member.id, household, incomePerPersonFen: income, causes },
      META,
    );
  }

  const apply = async (
    phone: string,
    when: Date,
    kind: 'medical' | 'daily_living' | 'education',
    amountFen: number,
    reason: string,
  ) => {
    const member = await memberOf(phone);
    const actor = await memberActor(ctx, phone);
    const id = await memberApply(
      at(ctx, when),
      actor,
      {
        kind,
        amountRequestedFen: amountFen,
        reason,
        household: [
          person(member.name, 'self', '19790708', member.gender === 'female', 'healthy', 'employed'),
          person(
            '赵淑芬',
            'spouse',
            '19810316',
            true,
            kind === 'medical' ? 'serious' : 'healthy',
            'unemployed',
          ),
          ...(kind === 'education'
            ? [person('孙一鸣', 'child' as const, '20070911', false, 'healthy' as const, 'student' as const)]
            : []),
        ],
        incomePerPersonFen: kind === 'education' ? 70_000 : 52_000,
        causes: kind === 'education' ? ['schooling'] : ['illness'],
        bankName: '中国工商银行郑州花园路支行',
        bankAccount: `62220217020${String(10_000_000 + Number(phone.slice(-6))).slice(-8)}`,
      },
      META,
    );
    return id;
  };
  // Waiting for the district: the company's union approved it two days ago.
  const waiting = await apply(
    a1,
    new Date(now.getTime() - 4 * DAY),
    'medical',
    600_000,
    '爱人突发脑梗住院，自付医疗费 2.3 万元，家中仅本人一份收入。',
  );
  await review(
    at(ctx, new Date(now.getTime() - 2 * DAY)),
    grassroots,
    waiting,
    'approve',
    { amountApprovedFen: 450_000, comment: '经走访核实，情况属实，建议给予医疗救助。' },
    META,
  );
  // Just filed, at the company's union.
  await apply(
    a2,
    new Date(now.getTime() - 3 * 3600_000),
    'daily_living',
    200_000,
    '本人患腰椎间盘突出停工两个月，家庭生活困难。',
  );
  // 金秋助学 approved and on public notice.
  const notice = await apply(
    a3,
    new Date(now.getTime() - 6 * DAY),
    'education',
    300_000,
    '孩子今年考入郑州大学，学费和住宿费难以筹措。',
  );
  await review(
    at(ctx, new Date(now.getTime() - 5 * DAY)),
    grassroots,
    notice,
    'approve',
    { comment: '符合金秋助学条件。' },
    META,
  );
  await review(
    at(ctx, new Date(now.getTime() - 2 * DAY)),
    county,
    notice,
    'approve',
    { amountApprovedFen: 300_000 },
    META,
  );
  // Paid: approved by both levels, put in a payment batch and paid through the bank.
  const paid = await apply(
    a4,
    new Date(now.getTime() - 20 * DAY),
    'daily_living',
    300_000,
    '家中老人长期卧床，护理费用开支大。',
  );
  await review(
    at(ctx, new Date(now.getTime() - 18 * DAY)),
    grassroots,
    paid,
    'approve',
    { comment: '情况属实。' },
    META,
  );
  await review(
    at(ctx, new Date(now.getTime() - 15 * DAY)),
    county,
    paid,
    'approve',
    { amountApprovedFen: 200_000, comment: '按生活救助标准核定 2000 元。' },
    META,
  );
  const batch = await createBatch(
    at(ctx, new Date(now.getTime() - 12 * DAY)),
    county,
    { orgId: unions.county.id, applicationIds: [paid] },
    META,
  );
  await recordResults(
    at(ctx, new Date(now.getTime() - 10 * DAY)),
    county,
    batch,
    { results: [{ applicationId: paid, paid: true }] },
    META,
  );
}
