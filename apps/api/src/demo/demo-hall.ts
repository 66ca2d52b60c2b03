import type { CreateServiceBody, FormField, Permission } from '@unionhub/contracts';
import { permissionsOf, type StaffRole } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { memberAccounts, staffUsers } from '../modules/auth/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import { actOnRequest, rateMyRequest, submitRequest } from '../modules/service-requests/index.js';
import {
  changeServiceStatus,
  createPackage,
  createService,
  updatePackage,
} from '../modules/services/index.js';
import type { MemberActor, StaffActor } from '../platform/actor.js';
import type { AppContext, RequestMeta } from '../platform/context.js';

const META: RequestMeta = { ip: null, userAgent: 'seed-demo', requestId: null };
const DAY = 86_400_000;

export async function staffActor(ctx: AppContext, username: string, org: OrgRow): Promise<StaffActor> {
  const [user] = await ctx.db.select().from(staffUsers).where(eq(staffUsers.username, username)).limit(1);
  if (!user) throw new Error(`demo user ${username} missing`);
  return {
    kind: 'staff',
    via: 'session',
    id: user.id,
    sessionId: 'seed-demo',
    username,
    displayName: user.displayName,
    orgId: org.id,
    orgPath: org.path,
    roles: user.roles,
    permissions: new Set<Permission>(permissionsOf(user.roles as StaffRole[])),
  };
}

const text = (key: string, label: string, required = true, help?: string): FormField => ({
  key,
  label,
  type: 'text',
  required,
  ...(help ? { help } : {}),
});

type ServiceDef = Omit<CreateServiceBody, 'orgId'>;

const HARDSHIP: ServiceDef = {
  name: '困难职工帮扶申请',
  category: 'assistance',
  summary: '因病、因灾、因意外导致生活困难的职工，可申请生活救助和医疗救助',
  description:
    '帮扶对象：本省在职职工及其家庭，因患重大疾病、遭遇意外事故或自然灾害，家庭人均月收入低于当地最低工资标准。\n办理流程：网上提交申请 → 县（区）总工会受理 → 入户核实 → 公示 → 发放帮扶金。\n咨询电话：12351',
  eligibility: { note: '家庭人均月收入低于当地最低工资标准' },
  form: {
    fields: [
      {
        key: 'reason',
        label: '困难类型',
        type: 'select',
        required: true,
        options: ['因病致困', '因灾致困', '因意外事故', '子女就学', '其他'],
      },
      { key: 'familySize', label: '家庭人口', type: 'number', required: true, min: 1, max: 20 },
      {
        key: 'monthlyIncome',
        label: '家庭月收入',
        type: 'amount',
        required: true,
        min: 0,
        help: '全家每月总收入，单位：元',
      },
      { key: 'description', label: '困难情况说明', type: 'textarea', required: true, maxLength: 800 },
      { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
      { key: 'receivedBefore', label: '本年度是否已领取过帮扶', type: 'boolean', required: true },
    ],
  },
  attachments: [
    { key: 'proof', label: '困难证明材料', required: true, maxCount: 5, kinds: ['image', 'pdf'] },
    {
      key: 'medical',
      label: '诊断证明或医疗费用票据',
      required: false,
      maxCount: 5,
      kinds: ['image', 'pdf'],
    },
  ],
  acceptWithinDays: 3,
  completeWithinDays: 15,
  handler: 'county',
};

const LEGAL: ServiceDef = {
  name: '法律咨询预约',
  category: 'rights',
  summary: '工会法律援助律师提供劳动争议、工伤、欠薪等免费法律咨询',
  description:
    '工会法律援助律师每周二、周四在县（区）职工服务中心坐班，也可电话或视频咨询。预约后工作人员会与您联系确认时间。',
  eligibility: {},
  form: {
    fields: [
      {
        key: 'topic',
        label: '咨询事项',
        type: 'select',
        required: true,
        options: ['劳动合同', '拖欠工资', '工伤认定', '社会保险', '解除劳动关系', '其他'],
      },
      { key: 'preferredDate', label: '希望咨询日期', type: 'date', required: true },
      {
        key: 'way',
        label: '咨询方式',
        type: 'select',
        required: true,
        options: ['到职工服务中心面谈', '电话咨询', '视频咨询'],
      },
      { key: 'question', label: '问题简述', type: 'textarea', required: true, maxLength: 500 },
    ],
  },
  attachments: [
    {
      key: 'evidence',
      label: '劳动合同、工资条等相关材料',
      required: false,
      maxCount: 5,
      kinds: ['image', 'pdf', 'office'],
    },
  ],
  acceptWithinDays: 2,
  completeWithinDays: 5,
  handler: 'county',
};

const SCHOLARSHIP: ServiceDef = {
  name: '职工子女金秋助学',
  category: 'assistance',
  summary: '困难职工家庭子女当年考入全日制普通高校的，给予一次性助学金',
  description:
    '资助标准：本科 5000 元，专科 3000 元。每年 7 月至 9 月集中受理，经县（区）总工会审核、公示后发放。',
  eligibility: { categories: ['hardship'], note: '在档困难职工家庭' },
  form: {
    fields: [
      text('childName', '子女姓名'),
      { key: 'childIdNumber', label: '子女身份证号', type: 'idNumber', required: true },
      text('school', '录取院校'),
      { key: 'level', label: '录取层次', type: 'select', required: true, options: ['本科', '专科（高职）'] },
      { key: 'admittedOn', label: '录取日期', type: 'date', required: true },
    ],
  },
  attachments: [
    { key: 'admission', label: '录取通知书', required: true, maxCount: 2, kinds: ['image', 'pdf'] },
  ],
  acceptWithinDays: 5,
  completeWithinDays: 20,
  handler: 'county',
};

const TRAINING: ServiceDef = {
  name: '农民工技能培训报名',
  category: 'training',
  summary: '电工、焊工、家政、育婴等免费技能培训，考核合格颁发职业技能等级证书',
  description: '金水区职工技能培训基地每月开班，培训期间免费提供午餐。报名后工作人员会电话通知开班时间。',
  eligibility: { categories: ['migrant_worker', 'new_form_worker'] },
  form: {
    fields: [
      {
        key: 'course',
        label: '报名工种',
        type: 'select',
        required: true,
        options: ['电工', '焊工', '家政服务员', '育婴员', '叉车司机', '电商直播'],
      },
      {
        key: 'sessions',
        label: '可参加时段',
        type: 'multiselect',
        required: true,
        options: ['工作日白天', '工作日晚上', '周末'],
      },
      {
        key: 'education',
        label: '文化程度',
        type: 'select',
        required: false,
        options: ['小学', '初中', '高中/中专', '大专及以上'],
      },
    ],
  },
  attachments: [],
  acceptWithinDays: 3,
  completeWithinDays: 30,
  handler: 'publisher',
};

const COUNSELLING: ServiceDef = {
  name: '职工心理咨询',
  category: 'wellbeing',
  summary: '专业心理咨询师一对一倾听，帮助缓解工作和生活压力',
  description: '市总工会职工心灵驿站提供免费心理咨询，严格保护个人隐私。',
  eligibility: {},
  form: {
    fields: [
      {
        key: 'way',
        label: '咨询方式',
        type: 'select',
        required: true,
        options: ['面谈', '电话', '线上视频'],
      },
      {
        key: 'concern',
        label: '希望聊聊的方面',
        type: 'multiselect',
        required: false,
        options: ['工作压力', '人际关系', '家庭关系', '情绪困扰', '其他'],
      },
      { key: 'note', label: '补充说明', type: 'textarea', required: false, maxLength: 300 },
    ],
  },
  attachments: [],
  acceptWithinDays: 2,
  completeWithinDays: 10,
  handler: 'city',
};

/** A seeded member signs in: the account their phone would make on first sign-in. */
export async function memberActor(ctx: AppContext, phone: string): Promise<MemberActor> {
  const [row] = await ctx.db
    .insert(memberAccounts)
    .values({ phoneHash: ctx.pii.lookupHash('phone', phone), phoneEnc: ctx.pii.seal(phone) })
    .onConflictDoNothing()
    .returning({ id: memberAccounts.id });
  const id =
    row?.id ??
    (
      await ctx.db
        .select({ id: memberAccounts.id })
        .from(memberAccounts)
        .where(eq(memberAccounts.phoneHash, ctx.pii.lookupHash('phone', phone)))
    )[0]!.id;
  return { kind: 'member', id, sessionId: 'seed-demo', permissions: new Set() };
}

export const at = (ctx: AppContext, time: Date): AppContext => ({ ...ctx, clock: { now: () => time } });

/**
 * The online service hall of the demo: services published at the province, city and county,
 * a package for migrant workers, and requests of members of 中原建设集团 in 金水区总工会's queue —
 * one waiting, one accepted, one completed and rated, one returned, one overdue.
 */
export async function seedDemoHall(
  ctx: AppContext,
  unions: { province: OrgRow; city: OrgRow; county: OrgRow },
  memberPhones: string[],
): Promise<void> {
  const province = await staffActor(ctx, 'henan_admin', unions.province);
  const city = await staffActor(ctx, 'zhengzhou_admin', unions.city);
  const county = await staffActor(ctx, 'jinshui_staff', unions.county);
  const publish = async (actor: StaffActor, org: OrgRow, def: ServiceDef) => {
    const s = await createService(ctx, actor, { orgId: org.id, ...def }, META);
    await changeServiceStatus(ctx, actor, s.id, 'publish', META);
    return s;
  };
  const hardship = await publish(province, unions.province, HARDSHIP);
  await publish(province, unions.province, COUNSELLING);
  const legal = await publish(city, unions.city, LEGAL);
  await publish(city, unions.city, SCHOLARSHIP);
  const training = await publish(county, unions.county, TRAINING);
  const pkg = await createPackage(
    ctx,
    county,
    {
      orgId: unions.county.id,
      name: '农民工服务包',
      description: '技能培训、讨薪维权、困难帮扶，一站办好',
      target: { categories: ['migrant_worker'] },
      serviceIds: [training.id, legal.id, hardship.id],
    },
    META,
  );
  await updatePackage(ctx, county, pkg.id, { status: 'published' }, META);

  const now = ctx.clock.now();
  const [p1, p2, p3, p4, p5] = memberPhones;
  const legalData = (question: string) => ({
    topic: '拖欠工资',
    preferredDate: new Date(now.getTime() + 3 * DAY).toISOString().slice(0, 10),
    way: '到职工服务中心面谈',
    question,
  });
  const file = async (
    phone: string | undefined,
    when: Date,
    serviceId: number,
    data: Record<string, unknown>,
  ) => {
    if (!phone) return null;
    const actor = await memberActor(ctx, phone);
    const id = await submitRequest(at(ctx, when), actor, { serviceId, data }, undefined, META);
    return { id, actor };
  };
  // Waiting to be accepted, filed this morning.
  await file(
    p1,
    new Date(now.getTime() - 2 * 3600_000),
    legal.id,
    legalData('项目部拖欠三个月工资共 1.8 万元，想咨询如何申请劳动仲裁。'),
  );
  // Accepted yesterday.
  const accepted = await file(
    p2,
    new Date(now.getTime() - 2 * DAY),
    legal.id,
    legalData('公司未签书面劳动合同，已工作 14 个月，能否要求双倍工资？'),
  );
  if (accepted)
    await actOnRequest(
      at(ctx, new Date(now.getTime() - DAY)),
      county,
      accepted.id,
      'accept',
      { comment: '已电话联系申请人，约定周四上午面谈。' },
      META,
    );
  // Completed and rated.
  const done = await file(
    p3,
    new Date(now.getTime() - 9 * DAY),
    legal.id,
    legalData('工地受伤后单位不给申报工伤，怎么办？'),
  );
  if (done) {
    await actOnRequest(at(ctx, new Date(now.getTime() - 8 * DAY)), county, done.id, 'accept', {}, META);
    await actOnRequest(
      at(ctx, new Date(now.getTime() - 6 * DAY)),
      county,
      done.id,
      'complete',
      { comment: '已于区职工服务中心线下办理：法律援助律师当面解答，并协助向区人社局提交工伤认定申请。' },
      META,
    );
    await rateMyRequest(
      at(ctx, new Date(now.getTime() - 5 * DAY)),
      done.actor,
      done.id,
      { rating: 5, comment: '律师讲得很清楚，谢谢工会！' },
      META,
    );
  }
  // Returned for a missing document.
  const returned = await file(
    p4,
    new Date(now.getTime() - 3 * DAY),
    legal.id,
    legalData('被公司口头辞退，没有任何补偿。'),
  );
  if (returned)
    await actOnRequest(
      at(ctx, new Date(now.getTime() - 2 * DAY)),
      county,
      returned.id,
      'return',
      { comment: '请补充上传劳动合同或工资流水，以便律师提前了解情况。' },
      META,
    );
  // Overdue: filed two weeks ago and never accepted; the escalation job will chase it.
  await file(
    p5,
    new Date(now.getTime() - 14 * DAY),
    legal.id,
    legalData('单位连续两年未缴纳社会保险，想了解如何维权。'),
  );
}
