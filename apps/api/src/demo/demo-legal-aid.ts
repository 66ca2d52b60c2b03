import type { CreateServiceBody } from '@unionhub/contracts';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { staffUsers } from '../modules/auth/index.js';
import { consultations } from '../modules/consultations/index.js';
import {
  addStep,
  applyFromConsultation,
  assignLawyer,
  LEGAL_AID,
  recordOutcome,
} from '../modules/legal-aid/index.js';
import { legalProviders } from '../modules/legal-providers/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import { actOnRequest, submitRequest } from '../modules/service-requests/index.js';
import { changeServiceStatus, createService, services } from '../modules/services/index.js';
import type { AppContext, RequestMeta } from '../platform/context.js';
import { at, memberActor, staffActor } from './demo-hall.js';

const META: RequestMeta = { ip: null, userAgent: 'seed-demo', requestId: null };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 法律援助申请 of 河南省总工会: handled by the member's county union, the eligibility questions as the form. */
export const LEGAL_AID_SERVICE: Omit<CreateServiceBody, 'orgId'> = {
  name: '法律援助申请',
  category: 'rights',
  summary: '与用人单位发生劳动争议、经济困难的职工，可申请工会指派律师免费代理调解、仲裁和诉讼',
  description:
    '工会受理后指派法律援助律师承办，律师在调解、劳动仲裁、诉讼各阶段为您代理，并在“我的申请”中登记办理进展和结果。',
  eligibility: {},
  form: {
    fields: [
      {
        key: 'disputeType',
        label: '争议类型',
        type: 'select',
        required: true,
        options: ['劳动报酬', '劳动合同', '工伤', '社会保险', '解除劳动关系', '其他'],
      },
      { key: 'employer', label: '用人单位名称', type: 'text', required: true, maxLength: 100 },
      { key: 'amount', label: '涉及金额（元）', type: 'number', required: false, min: 0 },
      { key: 'arbitrated', label: '是否已申请劳动仲裁', type: 'boolean', required: true },
      { key: 'lowIncome', label: '本人月收入是否低于当地最低工资标准的2倍', type: 'boolean', required: true },
      { key: 'story', label: '事情经过', type: 'textarea', required: true, maxLength: 2000 },
    ],
  },
  attachments: [
    {
      key: 'evidence',
      label: '劳动合同、工资条、工伤认定书等',
      required: false,
      maxCount: 10,
      kinds: ['image', 'pdf', 'office'],
    },
  ],
  acceptWithinDays: 3,
  completeWithinDays: 60,
  handler: 'county',
};

/**
 * Legal aid in the demo: the province publishes 法律援助申请; one answered night consultation became a
 * request that 金水区总工会 accepted, gave to the lawyer who answered, who mediated a settlement (closed
 * with the outcome); another request is in arbitration; one waits to be accepted.
 */
export async function seedDemoLegalAid(
  ctx: AppContext,
  unions: { province: OrgRow; county: OrgRow; city: OrgRow },
  consultationPhones: string[],
  hallPhones: string[],
): Promise<void> {
  const province = await staffActor(ctx, 'henan_admin', unions.province);
  const county = await staffActor(ctx, 'jinshui_staff', unions.county);
  const service = await createService(
    ctx,
    province,
    { orgId: unions.province.id, ...LEGAL_AID_SERVICE },
    META,
  );
  await ctx.db.update(services).set({ requestType: LEGAL_AID }).where(eq(services.id, service.id));
  await changeServiceStatus(ctx, province, service.id, 'publish', META);
  const now = ctx.clock.now();
  const lawyer = async (username: string) => {
    const [row] = await ctx.db
      .select({ id: legalProviders.id })
      .from(legalProviders)
      .where(eq(legalProviders.name, username));
    return row?.id ?? null;
  };
  const day = (offset: number) => new Date(now.getTime() + offset * DAY);
  const chinaDate = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);

  // From the answered night consultation about unpaid wages.
  const [p1] = consultationPhones;
  if (p1) {
    const member = await memberActor(ctx, p1);
    const [c] = await ctx.db
      .select({ id: consultations.id, text: consultations.text, providerId: consultations.providerId })
      .from(consultations)
      .where(and(eq(consultations.accountId, member.id), isNotNull(consultations.firstAnsweredAt)))
      .orderBy(asc(consultations.id))
      .limit(1);
    if (c) {
      const id = await applyFromConsultation(
        at(ctx, day(-2)),
        member,
        c.id,
        {
          serviceId: service.id,
          data: {
            disputeType: '劳动报酬',
            employer: '河南某建筑劳务有限公司',
            amount: 18000,
            arbitrated: false,
            lowIncome: true,
            story: c.text,
          },
        },
        undefined,
        META,
      );
      await actOnRequest(
        at(ctx, day(-2)),
        county,
        id,
        'accept',
        { comment: '符合法律援助条件，予以受理。' },
        META,
      );
      if (c.providerId) {
        await assignLawyer(at(ctx, day(-2)), county, id, c.providerId, META);
        const lawyerActor = await lawyerActorOf(ctx, c.providerId, unions.city);
        await addStep(
          at(ctx, day(-1)),
          lawyerActor,
          id,
          {
            kind: 'mediation',
            date: chinaDate(day(-1)),
            note: '在金水区劳动争议调解中心组织总包单位、劳务公司和职工三方调解。',
            result: '劳务公司同意三日内支付拖欠工资 1.5 万元，总包单位承担连带保证。',
          },
          META,
        );
        await recordOutcome(
          at(ctx, day(-1)),
          lawyerActor,
          id,
          {
            outcome: 'settled',
            amountClaimedFen: 1_800_000,
            amountRecoveredFen: 1_500_000,
            note: '调解和解，工资已到账。',
          },
          META,
        );
        await actOnRequest(
          at(ctx, new Date(now.getTime() - 2 * HOUR)),
          county,
          id,
          'complete',
          { comment: '经律师调解双方达成和解，追回工资 1.5 万元，案件办结。' },
          META,
        );
      }
    }
  }

  // In arbitration, with 张宏伟.
  const [, , , , p5] = hallPhones;
  const zhang = await lawyer('张宏伟');
  if (p5 && zhang) {
    const member = await memberActor(ctx, p5);
    const id = await submitRequest(
      at(ctx, day(-20)),
      member,
      {
        serviceId: service.id,
        data: {
          disputeType: '解除劳动关系',
          employer: '郑州某电子科技有限公司',
          amount: 42000,
          arbitrated: true,
          lowIncome: true,
          story: '在公司工作六年，公司以“末位淘汰”为由口头通知解除劳动合同，未支付经济补偿。',
        },
      },
      undefined,
      META,
    );
    await actOnRequest(
      at(ctx, day(-19)),
      county,
      id,
      'accept',
      { comment: '予以受理，指派律师承办。' },
      META,
    );
    await assignLawyer(at(ctx, day(-19)), county, id, zhang, META);
    await addStep(
      at(ctx, day(-10)),
      await lawyerActorOf(ctx, zhang, unions.city),
      id,
      {
        kind: 'arbitration',
        date: chinaDate(day(-10)),
        note: '已向郑州市劳动人事争议仲裁委员会提交仲裁申请，请求支付违法解除赔偿金 4.2 万元。',
        result: '仲裁委已立案，定于下月开庭。',
      },
      META,
    );
  }

  // Waiting to be accepted.
  const [, , , p4] = hallPhones;
  if (p4) {
    const member = await memberActor(ctx, p4);
    await submitRequest(
      at(ctx, new Date(now.getTime() - 5 * HOUR)),
      member,
      {
        serviceId: service.id,
        data: {
          disputeType: '工伤',
          employer: '郑州某物流有限公司',
          amount: 60000,
          arbitrated: false,
          lowIncome: true,
          story: '搬货时从货车上摔下腰椎骨折，公司没有给我交工伤保险，现在不肯出医疗费。',
        },
      },
      undefined,
      META,
    );
  }
}

async function lawyerActorOf(ctx: AppContext, providerId: number, city: OrgRow) {
  const [row] = await ctx.db
    .select({ username: staffUsers.username })
    .from(legalProviders)
    .innerJoin(staffUsers, eq(staffUsers.id, legalProviders.staffUserId))
    .where(eq(legalProviders.id, providerId));
  return staffActor(ctx, row!.username, city);
}
