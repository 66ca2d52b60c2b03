import { creditCodeCheckChar, DefaultInspectionChecklist } from '@unionhub/contracts';
import { createEnterprise } from '../modules/enterprises/index.js';
import {
  changeLectureStatus,
  checkInToLecture,
  createLecture,
  issueCheckinToken,
  registerForLecture,
} from '../modules/lectures/index.js';
import { addFollowUp, createInspection } from '../modules/legal-supervision/index.js';
import { chinaToday } from '../modules/members/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import type { AppContext, RequestMeta } from '../platform/context.js';
import { at, memberActor, staffActor } from './demo-hall.js';

const META: RequestMeta = { ip: null, userAgent: 'seed-demo', requestId: null };
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A credit code of an enterprise registered in 金水区 (91 + 410105 + 9 characters + check). */
const creditCode = (body: string) => {
  const first17 = `91410105${body}`;
  return first17 + creditCodeCheckChar(first17);
};

/** 9:00 China time, `days` from today (negative: in the past). */
const chinaNine = (now: Date, days: number) =>
  new Date(Date.parse(`${chinaToday(new Date(now.getTime() + days * DAY))}T09:00:00+08:00`));

const checklist = (nonCompliant: Record<string, string>) =>
  DefaultInspectionChecklist.map((i) => ({
    key: i.key,
    label: i.label,
    result: i.key in nonCompliant ? ('non_compliant' as const) : ('compliant' as const),
    ...(i.key in nonCompliant ? { note: nonCompliant[i.key] } : {}),
  }));

/**
 * 法律大讲堂 and 劳动法律监督 of the demo: an upcoming lecture of 金水区总工会 with registrations, a
 * past ones of 郑州市总工会 and 金水区 with attendance, an online one of the province; 金水区's inspections of
 * enterprises it covers — one rectification overdue, one rectified and closed, one clean, one under way.
 */
export async function seedDemoLegal(
  ctx: AppContext,
  unions: { province: OrgRow; city: OrgRow; county: OrgRow; grassroots: OrgRow[] },
  memberPhones: string[],
): Promise<void> {
  const now = ctx.clock.now();
  const province = await staffActor(ctx, 'henan_admin', unions.province);
  const city = await staffActor(ctx, 'zhengzhou_admin', unions.city);
  const county = await staffActor(ctx, 'jinshui_staff', unions.county);
  const members = await Promise.all(memberPhones.map((p) => memberActor(ctx, p)));

  const lecture = async (
    actor: typeof county,
    org: OrgRow,
    startsAt: Date,
    def: Omit<Parameters<typeof createLecture>[2], 'orgId' | 'startsAt' | 'endsAt' | 'registrationDeadline'>,
  ) => {
    const created = at(ctx, new Date(startsAt.getTime() - 14 * DAY));
    const row = await createLecture(
      created,
      actor,
      {
        orgId: org.id,
        ...def,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        registrationDeadline: new Date(startsAt.getTime() - DAY).toISOString(),
      },
      META,
    );
    await changeLectureStatus(created, actor, row.id, 'publish', undefined, META);
    return row;
  };

  const upcoming = await lecture(county, unions.county, new Date(chinaNine(now, 7).getTime() + 5.5 * HOUR), {
    title: '《劳动合同法》与工资权益保护',
    topic:
      '签订劳动合同要注意哪些条款？试用期、加班费怎么算？被拖欠工资时如何固定证据、向哪里投诉？现场设答疑环节，欢迎带着问题来。',
    fields: ['contracts', 'wages', 'working_hours'],
    speakerName: '王建国',
    speakerTitle: '河南中原律师事务所律师、金水区总工会法律顾问',
    mode: 'onsite',
    place: '金水区职工服务中心三楼报告厅',
    address: '郑州市金水区花园路 88 号',
    capacity: 120,
  });
  for (const member of members.slice(1, 4))
    await registerForLecture(at(ctx, new Date(now.getTime() - 2 * DAY)), member, upcoming.id, META);

  const pastStart = new Date(chinaNine(now, -20).getTime() + 5.5 * HOUR);
  const past = await lecture(city, unions.city, pastStart, {
    title: '工伤认定与工伤保险待遇',
    topic: '哪些情形可以认定工伤、申请认定的时限和材料、停工留薪期和伤残待遇的计算，结合建筑业真实案例讲解。',
    fields: ['work_injury', 'social_insurance'],
    speakerName: '李秀兰',
    speakerTitle: '郑州市职工法律援助中心主任',
    mode: 'onsite',
    place: '郑州市工人文化宫多功能厅',
    address: '郑州市二七区解放路 43 号',
    capacity: 200,
  });
  const hold = async (actor: typeof county, id: number, start: Date, attending: number) => {
    const before = at(ctx, new Date(start.getTime() - 3 * DAY));
    for (const member of members) await registerForLecture(before, member, id, META);
    const during = at(ctx, new Date(start.getTime() + 10 * 60_000));
    const { token } = await issueCheckinToken(during, actor, id);
    for (const member of members.slice(0, attending)) await checkInToLecture(during, member, token, META);
    await changeLectureStatus(
      at(ctx, new Date(start.getTime() + 3 * HOUR)),
      actor,
      id,
      'finish',
      undefined,
      META,
    );
  };
  await hold(city, past.id, pastStart, 4);

  const courierStart = new Date(chinaNine(now, -35).getTime() + 10 * HOUR);
  const couriers = await lecture(county, unions.county, courierStart, {
    title: '新就业形态劳动者权益保障',
    topic: '外卖骑手、快递员的劳动关系怎么认定，平台规则与算法、职业伤害保障试点政策解读。',
    fields: ['contracts', 'work_injury', 'social_insurance'],
    speakerName: '陈立新',
    speakerTitle: '郑州大学法学院副教授',
    mode: 'onsite',
    place: '人民路街道新就业形态劳动者服务站',
    address: '郑州市金水区人民路 220 号',
    capacity: 80,
  });
  await hold(county, couriers.id, courierStart, 5);

  await lecture(province, unions.province, new Date(chinaNine(now, 12).getTime() + 10 * HOUR), {
    title: '女职工特殊劳动保护线上讲座',
    topic: '孕期、产期、哺乳期的法定权益，“三期”内被调岗降薪或解除合同怎么办。',
    fields: ['women_workers', 'dismissal'],
    speakerName: '赵敏',
    speakerTitle: '河南省总工会女职工部法律顾问',
    mode: 'online',
    onlineUrl: 'https://live.hnzgh.example.cn/room/2031',
    capacity: 1000,
  });

  const enterprise = async (
    org: OrgRow,
    body: string,
    name: string,
    industryCode: string,
    employees: number,
  ) =>
    createEnterprise(
      ctx,
      county,
      {
        creditCode: creditCode(body),
        name,
        regionCode: '410105',
        industryCode,
        orgId: org.id,
        employeeCount: employees,
        size: employees > 300 ? 'large' : 'medium',
      },
      META,
    );
  const [construction, catering, logistics, property] = unions.grassroots;
  const builder = await enterprise(construction!, 'MA3X7K2L5', '河南中原建设集团有限公司', 'E', 860);
  const restaurant = await enterprise(catering!, 'MA44R8N1Q', '郑州老蔡记餐饮管理有限公司', 'H', 140);
  const courier = await enterprise(logistics!, 'MA5D2T9W0', '郑州金水捷达快递服务有限公司', 'G', 210);
  const estate = await enterprise(property!, 'MA61C6P3B', '郑州绿城物业服务有限公司', 'K', 380);

  const inspect = async (
    days: number,
    enterpriseId: number,
    nonCompliant: Record<string, string>,
    findings: string,
    dueInDays?: number,
  ) => {
    const when = at(ctx, chinaNine(now, days));
    const result = await createInspection(
      when,
      county,
      {
        orgId: unions.county.id,
        enterpriseId,
        inspectedOn: chinaToday(chinaNine(now, days)),
        inspectors: ['刘春梅', '张磊'],
        checklist: checklist(nonCompliant),
        findings,
        ...(dueInDays !== undefined
          ? { rectificationDueOn: chinaToday(chinaNine(now, days + dueInDays)) }
          : {}),
      },
      META,
    );
    return result.row.id;
  };
  await inspect(
    -45,
    builder.id,
    {
      social_insurance: '项目部 36 名农民工未参加工伤保险',
      working_hours: '工地连续加班，未按规定支付加班工资',
    },
    '抽查两个在建项目，项目部农民工参保率偏低，加班记录不全。已向企业送达整改意见书。',
    30,
  );
  const closed = await inspect(
    -30,
    restaurant.id,
    { labour_contracts: '5 名服务员未签订书面劳动合同' },
    '门店员工流动性大，新入职员工未及时签订劳动合同。',
    20,
  );
  await addFollowUp(
    at(ctx, chinaNine(now, -12)),
    county,
    closed,
    {
      followedOn: chinaToday(chinaNine(now, -12)),
      rectifiedItems: ['labour_contracts'],
      note: '5 名员工已补签劳动合同，查看了合同原件。',
    },
    META,
  );
  await inspect(-10, estate.id, {}, '劳动合同、工资台账、社保缴费记录齐全，职代会制度健全。');
  const underway = await inspect(
    -5,
    courier.id,
    {
      minimum_wage: '分拣员试用期工资低于郑州市最低工资标准',
      safety_health: '分拣中心夏季防暑降温措施不到位',
    },
    '快递分拣中心高峰期用工多，试用期工资和防暑措施存在问题。',
    25,
  );
  await addFollowUp(
    at(ctx, chinaNine(now, -1)),
    county,
    underway,
    {
      followedOn: chinaToday(chinaNine(now, -1)),
      rectifiedItems: ['safety_health'],
      note: '已加装工业风扇，发放防暑降温用品。',
    },
    META,
  );
}
