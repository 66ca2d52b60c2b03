import type { ConsultationField } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../modules/auth/index.js';
import {
  askConsultation,
  consultations,
  lawyerAct,
  legalFaq,
  memberFollowUp,
} from '../modules/consultations/index.js';
import { copyWeek, createProvider, createSlot, legalProviders } from '../modules/legal-providers/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import type { AppContext, RequestMeta } from '../platform/context.js';
import { at, memberActor, staffActor } from './demo-hall.js';
import type { DemoAccount } from './seed-demo.js';

const META: RequestMeta = { ip: null, userAgent: 'seed-demo', requestId: null };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PROVIDERS: {
  name: string;
  kind: 'lawyer' | 'volunteer';
  firm: string;
  licenceNo?: string;
  fields: ConsultationField[];
  regionCode: string;
  phone: string;
  username?: string;
}[] = [
  {
    name: '王志远',
    kind: 'lawyer',
    firm: '河南天欣律师事务所',
    licenceNo: '14101200910123456',
    fields: ['wages', 'contract', 'dismissal'],
    regionCode: '410105',
    phone: '13603710001',
    username: 'zz_lawyer1',
  },
  {
    name: '李雪芳',
    kind: 'lawyer',
    firm: '河南英泰律师事务所',
    licenceNo: '14101201210234567',
    fields: ['work_injury', 'social_insurance', 'other'],
    regionCode: '410102',
    phone: '13603710002',
    username: 'zz_lawyer2',
  },
  {
    name: '张宏伟',
    kind: 'lawyer',
    firm: '北京大成（郑州）律师事务所',
    licenceNo: '14101200810345678',
    fields: ['wages', 'contract', 'work_injury', 'social_insurance', 'dismissal', 'other'],
    regionCode: '410103',
    phone: '13603710003',
    username: 'zz_lawyer3',
  },
  {
    name: '赵静',
    kind: 'volunteer',
    firm: '郑州大学法学院法律援助中心',
    fields: ['wages', 'contract', 'other'],
    regionCode: '410105',
    phone: '13603710004',
  },
];

/** Monday 00:00 China time of the week holding `now`. */
function mondayOf(now: Date): Date {
  const china = new Date(now.getTime() + 8 * HOUR);
  const dow = (china.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() - dow) - 8 * HOUR);
}

/**
 * 法律维权 in the demo: four providers of 郑州市总工会 (three lawyers who sign in, a student
 * volunteer), a round-the-clock roster for last, this and next week (night 0–8 张宏伟, day 8–16 王志远,
 * evening 16–24 李雪芳, the volunteer on weekday mornings), consultations of 中原建设集团's members in
 * every state, and FAQ entries published and waiting for review.
 */
export async function seedDemoConsultations(
  ctx: AppContext,
  city: OrgRow,
  memberPhones: string[],
  password: () => string,
): Promise<DemoAccount[]> {
  const admin = await staffActor(ctx, 'zhengzhou_admin', city);
  const accounts: DemoAccount[] = [];
  const ids: number[] = [];
  for (const p of PROVIDERS) {
    const pw = p.username ? password() : null;
    const row = await createProvider(
      ctx,
      admin,
      {
        orgId: city.id,
        kind: p.kind,
        name: p.name,
        firm: p.firm,
        ...(p.licenceNo ? { licenceNo: p.licenceNo } : {}),
        fields: p.fields,
        regionCode: p.regionCode,
        languages: ['普通话'],
        phone: p.phone,
        ...(p.username && pw ? { account: { username: p.username, password: pw } } : {}),
      },
      META,
    );
    ids.push(row.id);
    if (p.username && pw)
      accounts.push({ username: p.username, password: pw, role: 'lawyer', orgName: city.name });
  }
  const [wang, li, zhang, zhao] = ids as [number, number, number, number];
  const now = ctx.clock.now();
  const monday = mondayOf(now);
  const slot = (
    providerId: number,
    day: number,
    from: number,
    to: number,
    fields: ConsultationField[] = [],
  ) =>
    createSlot(
      ctx,
      admin,
      {
        orgId: city.id,
        providerId,
        startsAt: new Date(monday.getTime() + day * DAY + from * HOUR).toISOString(),
        endsAt: new Date(monday.getTime() + day * DAY + to * HOUR).toISOString(),
        fields,
      },
      META,
    );
  for (let day = 0; day < 7; day++) {
    await slot(zhang, day, 0, 8);
    await slot(wang, day, 8, 16);
    await slot(li, day, 16, 24);
    if (day < 5) await slot(zhao, day, 9, 12, ['wages', 'contract']);
  }
  const week = (offset: number) =>
    new Date(monday.getTime() + offset * 7 * DAY + 12 * HOUR).toISOString().slice(0, 10);
  await copyWeek(ctx, admin, { orgId: city.id, fromWeek: week(0), toWeek: week(-1) }, META);
  await copyWeek(ctx, admin, { orgId: city.id, fromWeek: week(0), toWeek: week(1) }, META);

  await seedConsultations(ctx, city, memberPhones, now);
  await seedFaq(ctx, city, now);
  return accounts;
}

async function lawyerOf(ctx: AppContext, consultationId: number, city: OrgRow) {
  const [row] = await ctx.db
    .select({ username: staffUsers.username })
    .from(consultations)
    .innerJoin(legalProviders, eq(legalProviders.id, consultations.providerId))
    .innerJoin(staffUsers, eq(staffUsers.id, legalProviders.staffUserId))
    .where(eq(consultations.id, consultationId));
  return staffActor(ctx, row!.username, city);
}

async function seedConsultations(ctx: AppContext, city: OrgRow, phones: string[], now: Date) {
  // China midnight today, to ask at set hours of past days (so each shift's lawyer gets one).
  const today = mondayOf(now).getTime() + Math.floor((now.getTime() - mondayOf(now).getTime()) / DAY) * DAY;
  const ask = async (
    phone: string | undefined,
    when: Date,
    field: ConsultationField,
    text: string,
    allowPublish = false,
  ) => {
    if (!phone) return null;
    const member = await memberActor(ctx, phone);
    const id = await askConsultation(
      at(ctx, when),
      member,
      { field, text, allowPublish, anonymous: allowPublish },
      META,
    );
    return { id, member, when };
  };
  const answer = async (c: { id: number; when: Date }, minutes: number, text: string, close = false) => {
    const lawyer = await lawyerOf(ctx, c.id, city);
    const t = new Date(c.when.getTime() + minutes * 60_000);
    await lawyerAct(at(ctx, t), lawyer, c.id, 'answer', { text }, META);
    if (close)
      await lawyerAct(at(ctx, new Date(t.getTime() + 30 * 60_000)), lawyer, c.id, 'close', null, META);
  };
  const [p1, p2, p3, p4] = phones;
  // Asked at 03:10 three days ago, answered within the hour by the night lawyer, closed.
  const night = await ask(
    p1,
    new Date(today - 3 * DAY + 3 * HOUR + 10 * 60_000),
    'wages',
    '我在金水区一个工地干活，包工头拖欠了我三个月工资一万八千元，现在人联系不上了，总包单位说不归他们管，我该怎么办？',
    true,
  );
  if (night)
    await answer(
      night,
      12,
      '您好。建设领域农民工工资实行总包单位先行清偿制度：分包或包工头拖欠工资的，由施工总承包单位先行清偿。建议您：1. 整理考勤记录、工友证言、微信聊天记录等证据；2. 向项目所在地的人社局劳动保障监察大队投诉，或拨打12333；3. 也可以申请劳动仲裁，仲裁不收费。需要的话，工会可以为您申请法律援助。',
      true,
    );
  // Two days ago in the morning: a work injury question, answered; the member allowed publishing, so staff review it.
  const injury = await ask(
    p2,
    new Date(today - 2 * DAY + 10 * HOUR + 20 * 60_000),
    'work_injury',
    '我在车间操作冲床时压伤了左手两根手指，公司说给我出医药费就行，不给申报工伤。这样可以吗？',
    true,
  );
  if (injury)
    await answer(
      injury,
      20,
      '不可以。用人单位应当自事故伤害发生之日起30日内向社会保险行政部门提出工伤认定申请；单位不申请的，您本人或近亲属、工会组织可以在一年内直接申请。请保留好病历、诊断证明和事故经过的证人信息，治疗结束后还要做劳动能力鉴定，确定伤残等级后可以享受相应的工伤保险待遇。',
    );
  // Yesterday evening: answered, and the member asked a follow-up the lawyer has not yet answered.
  const contract = await ask(
    p3,
    new Date(today - DAY + 19 * HOUR + 40 * 60_000),
    'contract',
    '入职快一年了，公司一直没和我签书面劳动合同，现在我想辞职，能要求公司赔偿吗？',
  );
  if (contract) {
    await answer(
      contract,
      35,
      '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资，最长11个月。建议您先收集工资流水、工牌、考勤等能证明劳动关系的材料。',
    );
    await memberFollowUp(
      at(ctx, new Date(contract.when.getTime() + 3 * HOUR)),
      contract.member,
      contract.id,
      { text: '公司说我试用期一直没过，所以不用签合同，这个说法对吗？' },
      META,
    );
  }
  // Minutes ago: assigned to the lawyer on duty, not yet picked up.
  await ask(
    p4,
    new Date(now.getTime() - 6 * 60_000),
    'dismissal',
    '公司今天突然口头通知我明天不用来上班了，没有任何书面通知，也没说补偿的事，我应该怎么做？',
  );
}

const FAQ: { field: ConsultationField; question: string; answer: string }[] = [
  {
    field: 'social_insurance',
    question: '公司和我约定不交社保，每月多发两百元补贴，这样合法吗？',
    answer:
      '不合法。依法缴纳社会保险是用人单位和劳动者的法定义务，不能通过约定免除。即使签了“自愿放弃社保”的协议也是无效的。您可以向当地社保经办机构或劳动保障监察机构投诉，要求单位补缴；因单位未缴社保而解除劳动合同的，还可以要求经济补偿。',
  },
  {
    field: 'dismissal',
    question: '试用期被公司辞退，有没有补偿？',
    answer:
      '试用期内，用人单位只有在证明劳动者不符合录用条件等法定情形下才能解除劳动合同，并应当向劳动者说明理由。没有正当理由辞退的，属于违法解除，劳动者可以要求继续履行合同或者要求支付赔偿金。',
  },
  {
    field: 'wages',
    question: '加班费怎么算？周末加班公司只给调休可以吗？',
    answer:
      '工作日延长工作时间的，支付不低于工资150%的加班费；休息日加班又不能安排补休的，支付不低于200%；法定节假日加班的，支付不低于300%，且不能以调休代替。周末加班公司可以安排同等时间的补休，不安排补休的应当支付加班费。',
  },
];

async function seedFaq(ctx: AppContext, city: OrgRow, now: Date) {
  const publishedAt = new Date(now.getTime() - 10 * DAY);
  await ctx.db.insert(legalFaq).values(
    FAQ.map((f) => ({
      orgId: city.id,
      field: f.field,
      question: f.question,
      answer: f.answer,
      searchText: `${f.question}\n${f.answer}`,
      status: 'published',
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })),
  );
  // The night question above, reviewed and published by the city's staff.
  const pending = await ctx.db.select().from(legalFaq).where(eq(legalFaq.status, 'pending'));
  const first = pending.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (first)
    await ctx.db
      .update(legalFaq)
      .set({
        question: '包工头拖欠工资后联系不上，总包单位说不归他们管，怎么办？',
        searchText: `包工头拖欠工资后联系不上，总包单位说不归他们管，怎么办？\n${first.answer}`,
        status: 'published',
        publishedAt: now,
        updatedAt: now,
      })
      .where(eq(legalFaq.id, first.id));
}
