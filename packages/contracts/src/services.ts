import Type, { type Static } from 'typebox';
import { Id, StringEnum, Timestamp } from './common.js';
import { AttachmentRequirement, FormDefinition } from './forms.js';
import { MemberCategories } from './members.js';

/** Groups of the service catalogue, as the member app shows them. */
export const ServiceCategories = [
  'rights',
  'assistance',
  'employment',
  'training',
  'wellbeing',
  'membership',
  'other',
] as const;
export type ServiceCategory = (typeof ServiceCategories)[number];

/**
 * Which union handles a request: the member's own grassroots union, the member's township, county,
 * city or province federation (the nearest one above when a level is missing), or the union that
 * published the service.
 */
export const ServiceHandlers = [
  'member_union',
  'township',
  'county',
  'city',
  'province',
  'publisher',
] as const;
export type ServiceHandler = (typeof ServiceHandlers)[number];

export const ServiceStatuses = ['draft', 'published', 'withdrawn'] as const;
export type ServiceStatus = (typeof ServiceStatuses)[number];

/**
 * Who may apply, beyond being an active member in the publishing union's subtree (the hardship
 * flag is the worker category `hardship`).
 */
export const ServiceEligibility = Type.Object(
  {
    categories: Type.Optional(
      Type.Array(StringEnum(MemberCategories), {
        maxItems: 10,
        uniqueItems: true,
        description: 'Only members with one of these worker categories',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 200, description: 'Conditions shown to the member' })),
  },
  { additionalProperties: false },
);
export type ServiceEligibility = Static<typeof ServiceEligibility>;

const serviceFields = {
  name: Type.String({ minLength: 2, maxLength: 40 }),
  category: StringEnum(ServiceCategories),
  summary: Type.String({ minLength: 2, maxLength: 120, description: 'One line in the catalogue' }),
  description: Type.String({ maxLength: 4000, description: 'What the union does, in plain text' }),
  eligibility: ServiceEligibility,
  form: FormDefinition,
  attachments: Type.Array(AttachmentRequirement, { maxItems: 10 }),
  acceptWithinDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Working days to accept' }),
  completeWithinDays: Type.Integer({
    minimum: 1,
    maximum: 365,
    description: 'Working days from acceptance to completion',
  }),
  handler: StringEnum(ServiceHandlers),
};

export const CreateServiceBody = Type.Object(
  {
    orgId: Id,
    ...serviceFields,
    overridesServiceId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'A service of a union above that this one replaces for the members below this union',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateServiceBody = Static<typeof CreateServiceBody>;

export const UpdateServiceBody = Type.Partial(Type.Object(serviceFields), { additionalProperties: false });
export type UpdateServiceBody = Static<typeof UpdateServiceBody>;

export const Service = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  ...serviceFields,
  requestType: Type.String({ description: 'general, or the module that owns the request (e.g. legal_aid)' }),
  status: StringEnum(ServiceStatuses),
  overridesServiceId: Type.Union([Id, Type.Null()]),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Service = Static<typeof Service>;

export const ServiceList = Type.Object({ items: Type.Array(Service), total: Type.Integer({ minimum: 0 }) });

export const ServiceQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Services published by this union' })),
    status: Type.Optional(StringEnum(ServiceStatuses)),
    category: Type.Optional(StringEnum(ServiceCategories)),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    inherited: Type.Optional(
      Type.Boolean({ description: 'The services published above the union instead (which it may replace)' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ServiceQuery = Static<typeof ServiceQuery>;

/** A service as a member sees it in the catalogue: whether they may apply, and why not. */
export const OfferedService = Type.Object({
  id: Id,
  orgName: Type.String(),
  name: Type.String(),
  category: StringEnum(ServiceCategories),
  summary: Type.String(),
  description: Type.String(),
  eligibility: ServiceEligibility,
  form: FormDefinition,
  attachments: Type.Array(AttachmentRequirement),
  acceptWithinDays: Type.Integer(),
  completeWithinDays: Type.Integer(),
  eligible: Type.Boolean(),
  ineligibleReason: Type.Union([Type.String(), Type.Null()]),
});
export type OfferedService = Static<typeof OfferedService>;

/** 服务套餐: services bundled for a target group, shown first to the members of that group. */
export const PackageTarget = Type.Object(
  {
    categories: Type.Optional(Type.Array(StringEnum(MemberCategories), { maxItems: 10, uniqueItems: true })),
    joinedWithinDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Members who joined recently' }),
    ),
  },
  { additionalProperties: false },
);
export type PackageTarget = Static<typeof PackageTarget>;

const packageFields = {
  name: Type.String({ minLength: 2, maxLength: 40 }),
  description: Type.String({ maxLength: 1000 }),
  target: PackageTarget,
  serviceIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
};

export const CreatePackageBody = Type.Object(
  { orgId: Id, ...packageFields },
  { additionalProperties: false },
);
export type CreatePackageBody = Static<typeof CreatePackageBody>;
export const UpdatePackageBody = Type.Partial(
  Type.Object({ ...packageFields, status: StringEnum(ServiceStatuses) }),
  { additionalProperties: false },
);
export type UpdatePackageBody = Static<typeof UpdatePackageBody>;

export const ServicePackage = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  ...packageFields,
  status: StringEnum(ServiceStatuses),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ServicePackage = Static<typeof ServicePackage>;

export const ServicePackageList = Type.Object({ items: Type.Array(ServicePackage) });

/** The member's catalogue: packages meant for them first, then every service offered to them. */
export const MemberCatalogue = Type.Object({
  packages: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      description: Type.String(),
      orgName: Type.String(),
      services: Type.Array(OfferedService),
    }),
  ),
  services: Type.Array(OfferedService),
});
export type MemberCatalogue = Static<typeof MemberCatalogue>;
