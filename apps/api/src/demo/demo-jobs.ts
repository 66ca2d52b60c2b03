import { randomBytes } from 'node:crypto';
import { type CreateJobBody, creditCodeCheckChar } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { hashPassword, staffUsers } from '../modules/auth/index.js';
import { enterprises } from '../modules/enterprises/index.js';
import {
  applyForJob,
  createFair,
  createJob,
  moveApplicant,
  recruiterAct,
  staffAct,
} from '../modules/jobs/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import { changeServiceStatus, createService } from '../modules/services/index.js';
import type { AppContext } from '../platform/context.js';
import { nameKeys } from '../platform/pinyin.js';
import { at, META, memberActor, staffActor } from './demo-hall.js';

const DAY = 86_400_000;
type Job = Omit<CreateJobBody, 'regionCode' | 'validUntil'> & { status?: 'draft' | 'submitted' | 'rejected' };
const job = (
  title: string,
  category: CreateJobBody['category'],
  salary: [number, number],
  headcount: number,
  requirements: string,
  description: string,
  status?: Job['status'],
): Job => ({
  title,
  category,
  salaryMin: salary[0],
  salaryMax: salary[1],
  headcount,
  requirements,
  description,
  ...(status ? { status } : {}),
});

interface DemoEnterprise {
  name: string;
  regionCode: string;
  industryCode: string;
  address: string;
  /** Index of the covering grassroots union in the demo's list, or null: registered by the city. */
  union: number | null;
  recruiter: { username: string; displayName: string } | null;
  jobs: Job[];
}

/** Zhengzhou employers of the demo and what they are hiring for (salaries are 元/月, 2026 levels). */
const ENTERPRISES: DemoEnterprise[] = [
  {
    name: '郑州航空港智能终端制造有限公司',
    regionCode: '410173',
    industryCode: 'C',
    address: '郑州航空港经济综合实验区新港大道 88 号',
    union: null,
    recruiter: { username: 'zz_recruiter', displayName: '航空港智能终端人力资源部' },
    jobs: [
      job(
        '手机组装普工',
        'manufacturing',
        [4800, 6500],
        120,
        '18–45 周岁，身体健康，能适应两班倒',
        '无尘车间流水线组装，计件加班费另计，包住宿、工作餐补贴 15 元/天，缴纳五险。',
      ),
      job(
        '品质检验员',
        'manufacturing',
        [4500, 5800],
        20,
        '高中以上学历，视力良好',
        '负责来料与成品外观、功能检验，长白班，月休四天。',
      ),
      job(
        'SMT 技术员',
        'skilled',
        [6500, 9000],
        8,
        '中专以上，两年以上贴片机调试经验',
        '负责贴片机程序调试、换线和日常保养，有夜班补贴。',
      ),
      job(
        '设备维修电工',
        'skilled',
        [7000, 9500],
        6,
        '持低压电工证，熟悉 PLC',
        '厂区生产设备与配电的巡检维修，五险一金，年底双薪。',
      ),
      job(
        '叉车司机',
        'logistics',
        [5500, 7000],
        5,
        '持叉车操作证，一年以上经验',
        '成品仓库装卸与倒运，长白班。',
      ),
      job('仓库物料员', 'logistics', [4500, 5500], 10, '会使用电脑，细心', '负责物料收发、盘点与 ERP 录入。'),
      job(
        '生产线班组长',
        'manufacturing',
        [7500, 10000],
        4,
        '三年以上电子厂管理经验',
        '带领 30 人班组完成日产计划，负责排班与新人培训。',
      ),
      job(
        '行政前台',
        'clerical',
        [4000, 5000],
        1,
        '大专以上，普通话标准',
        '访客接待、会议室管理与办公用品采购。',
        'submitted',
      ),
      job(
        '注塑机操作工',
        'manufacturing',
        [5000, 6800],
        15,
        '能适应倒班',
        '注塑机上下料与产品修边，带薪培训一周。',
        'draft',
      ),
    ],
  },
  {
    name: '河南中原建设集团有限公司',
    regionCode: '410105',
    industryCode: 'E',
    address: '郑州市金水区经三路 16 号',
    union: 0,
    recruiter: { username: 'zyjs_recruiter', displayName: '中原建设集团人事部' },
    jobs: [
      job(
        '钢筋工',
        'construction',
        [8000, 12000],
        30,
        '三年以上工地经验',
        '郑东新区住宅项目，工资月结不拖欠，工地提供住宿。',
      ),
      job(
        '木工（支模）',
        'construction',
        [9000, 13000],
        20,
        '熟练支模，能看懂图纸',
        '高层住宅主体施工，按方量计件。',
      ),
      job(
        '施工员',
        'construction',
        [6000, 8500],
        3,
        '土木工程相关专业，有施工员证',
        '负责现场施工组织、进度与质量管理。',
      ),
      job(
        '塔吊司机',
        'construction',
        [9000, 12000],
        2,
        '持建筑起重机械操作证',
        '负责塔吊操作，两人一台轮班。',
      ),
      job(
        '安全员',
        'construction',
        [6000, 8000],
        2,
        '持安全员 C 证',
        '项目现场安全巡查、班前教育与隐患整改跟踪。',
      ),
      job('资料员', 'clerical', [4500, 6000], 1, '熟悉建筑工程资料归档', '项目资料收集、整理与报验。'),
    ],
  },
  {
    name: '郑州绿城物业服务有限公司',
    regionCode: '410105',
    industryCode: 'K',
    address: '郑州市金水区花园路 126 号',
    union: 3,
    recruiter: null,
    jobs: [
      job(
        '小区保安',
        'other',
        [3800, 4500],
        12,
        '55 周岁以下，退役军人优先',
        '小区门岗与巡逻，做一休一，包住。',
      ),
      job(
        '保洁员',
        'housekeeping',
        [2800, 3300],
        8,
        '身体健康，吃苦耐劳',
        '楼宇公共区域清洁，早七点至下午四点。',
      ),
      job('水电维修工', 'skilled', [5000, 6500], 3, '持电工证', '小区业户报修与公共设施维护。'),
      job(
        '客服专员',
        'clerical',
        [3800, 4800],
        2,
        '大专以上，沟通能力好',
        '业主来电来访接待、缴费与报修派单。',
      ),
    ],
  },
  {
    name: '郑州顺达快递物流有限公司',
    regionCode: '410105',
    industryCode: 'G',
    address: '郑州市金水区北三环东段 201 号',
    union: 2,
    recruiter: null,
    jobs: [
      job(
        '快递员',
        'logistics',
        [6000, 9000],
        25,
        '会骑电动车，熟悉金水区道路',
        '片区收派件，多劳多得，公司为快递员缴纳工伤保险。',
      ),
      job('分拣员', 'logistics', [4500, 5500], 30, '能上夜班', '转运中心包裹分拣，夜班补贴 30 元/晚。'),
      job(
        '货车司机（B2）',
        'logistics',
        [8000, 11000],
        6,
        '持 B2 驾照，三年以上驾龄',
        '郑州至周边城市干线运输，跑车补贴另计。',
      ),
    ],
  },
  {
    name: '河南豫信软件科技有限公司',
    regionCode: '410105',
    industryCode: 'I',
    address: '郑州市金水区文化路 85 号',
    union: 6,
    recruiter: null,
    jobs: [
      job(
        'Java 开发工程师',
        'it',
        [10000, 16000],
        4,
        '本科，三年以上 Java 开发经验',
        '政务服务系统后端开发，五险一金，双休。',
      ),
      job('前端开发工程师', 'it', [9000, 14000], 2, '熟悉 React 与 TypeScript', '移动端与管理后台页面开发。'),
      job(
        '软件测试工程师',
        'it',
        [7000, 10000],
        2,
        '大专以上，熟悉测试流程',
        '功能与接口测试，编写测试用例。',
      ),
      job(
        '销售代表',
        'sales',
        [5000, 12000],
        3,
        '有政企客户资源者优先',
        '负责省内地市客户拓展，底薪加提成。',
      ),
    ],
  },
  {
    name: '郑州老城坊餐饮管理有限公司',
    regionCode: '410103',
    industryCode: 'H',
    address: '郑州市二七区大学路 56 号',
    union: 1,
    recruiter: null,
    jobs: [
      job(
        '烩面师傅',
        'catering',
        [6000, 8000],
        3,
        '会做羊肉烩面，三年以上经验',
        '门店后厨面案，包吃住，月休四天。',
      ),
      job('服务员', 'catering', [3500, 4500], 10, '18–40 周岁，热情开朗', '前厅点餐与传菜，包吃住。'),
      job('后厨帮工', 'catering', [3500, 4200], 6, '能吃苦', '配菜、洗碗与后厨卫生。'),
    ],
  },
  {
    name: '郑州家美家政服务有限公司',
    regionCode: '410102',
    industryCode: 'O',
    address: '郑州市中原区建设西路 12 号',
    union: null,
    recruiter: null,
    jobs: [
      job(
        '育婴师',
        'housekeeping',
        [7000, 10000],
        5,
        '持育婴师证，有带娃经验',
        '住家或白班可选，公司统一岗前培训。',
      ),
      job(
        '养老护理员',
        'housekeeping',
        [4500, 6000],
        8,
        '持养老护理员证优先',
        '社区养老服务中心老人日常照护。',
      ),
    ],
  },
];

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCode = (regionCode: string, n: number) => {
  const body = Array.from({ length: 9 }, (_, i) => CREDIT_CHARS[(n * 7 + i * 13) % CREDIT_CHARS.length]).join(
    '',
  );
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
};

const EMPLOYMENT_HELP = {
  name: '就业援助',
  category: 'employment' as const,
  summary: '失业人员和困难职工可申请就业援助：岗位推荐、技能培训和就业指导',
  description:
    '援助对象：登记失业的会员和建档困难职工。\n工会将在受理后联系您，了解求职意向，推荐合适岗位、安排免费技能培训，并可陪同参加招聘会。\n咨询电话：12351',
  eligibility: {
    categories: ['unemployed', 'hardship'] as ('unemployed' | 'hardship')[],
    note: '登记失业人员或困难职工',
  },
  form: {
    fields: [
      {
        key: 'wantedJob',
        label: '求职意向',
        type: 'text' as const,
        required: true,
        help: '例如：叉车司机、保洁、仓库管理',
      },
      { key: 'area', label: '希望工作的地区', type: 'text' as const, required: true },
      { key: 'training', label: '是否需要技能培训', type: 'boolean' as const, required: true },
      { key: 'situation', label: '目前情况', type: 'textarea' as const, required: true, maxLength: 500 },
      { key: 'contactPhone', label: '联系电话', type: 'phone' as const, required: true },
    ],
  },
  attachments: [],
  acceptWithinDays: 2,
  completeWithinDays: 15,
  handler: 'county' as const,
};

/**
 * The employment service of the demo: Zhengzhou employers with their jobs (published by 郑州市总工会
 * over the last three weeks; one waiting for review, one draft), recruiter accounts, a few
 * applications from demo members, a spring job fair, and 「就业援助」 published by the province.
 */
export async function seedDemoJobs(
  ctx: AppContext,
  orgs: { province: OrgRow; city: OrgRow; unions: OrgRow[] },
  memberPhones: string[],
): Promise<{ username: string; password: string; enterpriseName: string }> {
  const zzPassword = `Yu-${randomBytes(3).toString('hex')}-${randomBytes(3).toString('hex')}`;
  const province = await staffActor(ctx, 'henan_admin', orgs.province);
  const help = await createService(ctx, province, { orgId: orgs.province.id, ...EMPLOYMENT_HELP }, META);
  await changeServiceStatus(ctx, province, help.id, 'publish', META);

  const city = await staffActor(ctx, 'zhengzhou_admin', orgs.city);
  const now = ctx.clock.now();
  const validUntil = new Date(now.getTime() + 60 * DAY + 8 * 3600_000).toISOString().slice(0, 10);
  const fairJobs: { enterpriseId: number; jobIds: number[] }[] = [];
  const recruiterJobs: number[] = [];
  let n = 0;
  for (const [i, e] of ENTERPRISES.entries()) {
    const owner = e.union === null ? orgs.city : orgs.unions[e.union]!;
    const keys = nameKeys(e.name);
    // An employer the legal demo already registered is the same enterprise, not a namesake.
    const [known] = await ctx.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.name, e.name))
      .limit(1);
    const [row] = known
      ? [known]
      : await ctx.db
          .insert(enterprises)
          .values({
            creditCode: creditCode(e.regionCode, i + 1),
            name: e.name,
            namePinyin: keys.pinyin,
            nameInitials: keys.initials,
            industryCode: e.industryCode,
            regionCode: e.regionCode,
            provinceCode: '410000',
            size: 'medium',
            employeeCount: 200 + i * 150,
            address: e.address,
            ownerOrgId: owner.id,
            orgId: e.union === null ? null : owner.id,
          })
          .returning({ id: enterprises.id });
    const enterpriseId = row!.id;
    const username = e.recruiter?.username ?? `recruiter_${enterpriseId}`;
    // Only the plant's account is printed; the others exist so their applicants are told of moves.
    const password = username === 'zz_recruiter' ? zzPassword : randomBytes(18).toString('base64url');
    await ctx.db.insert(staffUsers).values({
      orgId: owner.id,
      enterpriseId,
      username,
      displayName: e.recruiter?.displayName ?? `${e.name}人事部`,
      passwordHash: await hashPassword(password),
      roles: ['enterprise_recruiter'],
    });
    const recruiter = await staffActor(ctx, username, owner);
    const shown: number[] = [];
    for (const j of e.jobs) {
      const postedAt = new Date(now.getTime() - (21 - (n++ % 20)) * DAY);
      const { status, ...body } = j;
      const { id } = await createJob(
        at(ctx, postedAt),
        recruiter,
        { ...body, regionCode: e.regionCode, validUntil },
        META,
      );
      if (status === 'draft') continue;
      await recruiterAct(at(ctx, new Date(postedAt.getTime() + 3600_000)), recruiter, id, 'submit', META);
      if (status === 'submitted') continue;
      await staffAct(at(ctx, new Date(postedAt.getTime() + 20 * 3600_000)), city, id, 'approve', {}, META);
      shown.push(id);
      if (e.recruiter?.username === 'zz_recruiter') recruiterJobs.push(id);
    }
    if (i < 4) fairJobs.push({ enterpriseId, jobIds: shown.slice(0, 3) });
  }

  // Workers of the demo applied to the plant's assembly line: one hired, one invited, one waiting.
  const stages: ('hired' | 'interview' | 'applied')[] = ['hired', 'interview', 'applied'];
  const people = [
    {
      name: '赵建军',
      skills: '流水线组装、电烙铁焊接',
      experience: '在富士康郑州园区做过三年组装',
      expectedSalary: 6000,
    },
    { name: '孙丽娟', skills: '品质检验、Excel', experience: '电子厂 QC 两年', expectedSalary: 5000 },
    { name: '周海涛', skills: '叉车、仓库管理', experience: '物流园仓管一年半', expectedSalary: 5500 },
  ];
  const plant = await staffActor(ctx, 'zz_recruiter', orgs.city);
  for (const [k, stage] of stages.entries()) {
    const phone = memberPhones[k];
    const jobId = recruiterJobs[k];
    if (!phone || !jobId) continue;
    const worker = await memberActor(ctx, phone);
    const applied = new Date(now.getTime() - (6 - k) * DAY);
    const id = await applyForJob(at(ctx, applied), worker, jobId, people[k]!, META);
    if (stage === 'applied') continue;
    await moveApplicant(at(ctx, new Date(applied.getTime() + DAY)), plant, id, 'view', META);
    await moveApplicant(at(ctx, new Date(applied.getTime() + 2 * DAY)), plant, id, 'interview', META);
    if (stage === 'hired')
      await moveApplicant(at(ctx, new Date(applied.getTime() + 4 * DAY)), plant, id, 'hire', META);
  }

  const fairDay = new Date(now.getTime() + 10 * DAY);
  const day = new Date(fairDay.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await createFair(
    ctx,
    city,
    {
      orgId: orgs.city.id,
      name: '2026 年郑州市“春风行动”暨就业援助月专场招聘会',
      startsAt: new Date(`${day}T09:00:00+08:00`).toISOString(),
      endsAt: new Date(`${day}T15:00:00+08:00`).toISOString(),
      mode: 'onsite',
      place: '郑州市职工服务中心一楼大厅（金水区经五路 6 号）',
      description:
        '制造、建筑、物流、家政等 200 余个岗位现场面试；困难职工和失业人员凭会员卡可领取免费午餐和交通补贴。',
      enterprises: fairJobs.map((f, k) => ({ ...f, booth: `A${String(k + 1).padStart(2, '0')}` })),
    },
    META,
  );
  return { username: 'zz_recruiter', password: zzPassword, enterpriseName: ENTERPRISES[0]!.name };
}
