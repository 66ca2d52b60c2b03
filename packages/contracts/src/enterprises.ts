import Type, { type Static } from 'typebox';
import { Id, PageQuery, RegionCode, StringEnum } from './common.js';
import { IndustryCode } from './orgs.js';

export const EnterpriseSizes = ['micro', 'small', 'medium', 'large'] as const;
export const EnterpriseSize = StringEnum(EnterpriseSizes);
export type EnterpriseSize = (typeof EnterpriseSizes)[number];

export const EnterpriseStatuses = ['active', 'closed'] as const;
export const EnterpriseStatus = StringEnum(EnterpriseStatuses);

/** Loose on purpose: spaces and lower case are normalized, then the GB 32100 rules are checked one by one. */
const CreditCodeInput = Type.String({
  minLength: 1,
  maxLength: 36,
  description: 'GB 32100 unified social credit code (18 characters)',
});

export const Enterprise = Type.Object({
  id: Id,
  creditCode: Type.String(),
  name: Type.String(),
  namePinyin: Type.String(),
  industryCode: Type.String(),
  regionCode: Type.String(),
  size: Type.Union([EnterpriseSize, Type.Null()]),
  employeeCount: Type.Union([Type.Integer(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  ownerOrgId: Id,
  ownerOrgName: Type.String(),
  orgId: Type.Union([Id, Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  status: EnterpriseStatus,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Enterprise = Static<typeof Enterprise>;

export const EnterpriseList = Type.Object({ items: Type.Array(Enterprise), total: Type.Integer() });

export const CreateEnterpriseBody = Type.Object(
  {
    creditCode: CreditCodeInput,
    name: Type.String({ minLength: 2, maxLength: 100 }),
    regionCode: RegionCode,
    industryCode: IndustryCode,
    orgId: Type.Integer({
      minimum: 1,
      description:
        'A grassroots union that covers the enterprise, or a higher org that registers it while it has no union',
    }),
    size: Type.Optional(EnterpriseSize),
    employeeCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateEnterpriseBody = Static<typeof CreateEnterpriseBody>;

export const UpdateEnterpriseBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    regionCode: Type.Optional(RegionCode),
    industryCode: Type.Optional(IndustryCode),
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    size: Type.Optional(Type.Union([EnterpriseSize, Type.Null()])),
    employeeCount: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()]),
    ),
    address: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    status: Type.Optional(EnterpriseStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEnterpriseBody = Static<typeof UpdateEnterpriseBody>;

export const EnterpriseSorts = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'employeeCount',
  '-employeeCount',
] as const;

export const EnterpriseQuery = Type.Object(
  {
    ...PageQuery.properties,
    orgId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    creditCode: Type.Optional(CreditCodeInput),
    sort: Type.Optional(StringEnum(EnterpriseSorts)),
  },
  { additionalProperties: false },
);
export type EnterpriseQuery = Static<typeof EnterpriseQuery>;

export const CreditCodeParams = Type.Object({ code: CreditCodeInput }, { additionalProperties: false });

export const OrgCoverage = Type.Object({
  orgId: Id,
  enterprises: Type.Integer({ description: 'Active enterprises registered in the subtree' }),
  covered: Type.Integer({ description: 'Of those, covered by a grassroots union' }),
  coveredEmployees: Type.Integer({ description: 'Employees of the covered enterprises' }),
});
export type OrgCoverage = Static<typeof OrgCoverage>;
