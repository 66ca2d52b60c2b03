import Type, { type Static } from 'typebox';
import { Id, Phone, StringEnum } from './common.js';

/** 会员状态: in the union, moved to another union, left, or deceased. */
export const MemberStatuses = ['active', 'transferred_out', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MemberStatuses)[number];

/** The statuses staff may set by hand; `transferred_out` is set only by a transfer. */
export const MemberStatusChanges = ['active', 'left', 'deceased'] as const;

/**
 * Worker categories the services need: 农民工, 劳动模范, 困难职工 (set by the assistance module),
 * 新就业形态劳动者 (couriers, ride-hailing and delivery riders), 残疾职工, 退役军人.
 */
export const MemberCategories = [
  'migrant_worker',
  'model_worker',
  'hardship',
  'new_form_worker',
  'disabled',
  'veteran',
  'unemployed',
] as const;
export type MemberCategory = (typeof MemberCategories)[number];

/** What the caller may do with a member; sent with the record so the UI does not re-derive rules. */
export const MemberActions = ['viewPii', 'edit', 'changeStatus', 'correctIdNumber'] as const;
export type MemberAction = (typeof MemberActions)[number];

export const MemberSorts = ['name', '-name', 'joinedOn', '-joinedOn', 'createdAt', '-createdAt'] as const;
export type MemberSort = (typeof MemberSorts)[number];

/** Rows one export may hold; narrow the filter beyond that. */
export const MEMBER_EXPORT_LIMIT = 100_000;

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const MemberName = Type.String({
  minLength: 2,
  maxLength: 30,
  pattern: '^[\\u3400-\\u9fffA-Za-z·]+$',
  description: '2–30 Chinese characters or letters; · between the parts of a name',
});
/** Spaces and a lower-case x are accepted as typed and normalized; the GB 11643 rules are checked by the API. */
const IdNumberInput = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'Resident ID number (GB 11643)',
});
const Reason = Type.String({ minLength: 2, maxLength: 200, description: 'Why; kept in the audit log' });
const Categories = Type.Array(StringEnum(MemberCategories), {
  uniqueItems: true,
  maxItems: MemberCategories.length,
});
const EmployerName = Type.String({ minLength: 1, maxLength: 100 });

export const Member = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String({
    description: 'e.g. 4101**********1234; the full number needs a logged read',
  }),
  phoneMasked: Type.String({ description: 'e.g. 138****5678' }),
  gender: StringEnum(['male', 'female'] as const),
  birthDate: IsoDate,
  employerName: Type.Union([Type.String(), Type.Null()]),
  employerId: Type.Union([Id, Type.Null()]),
  joinedOn: IsoDate,
  status: StringEnum(MemberStatuses),
  categories: Type.Array(StringEnum(MemberCategories)),
  cardNo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Member = Static<typeof Member>;

export const MemberStatusChange = Type.Object({
  fromStatus: Type.Union([StringEnum(MemberStatuses), Type.Null()]),
  toStatus: StringEnum(MemberStatuses),
  orgId: Id,
  reason: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
});
export type MemberStatusChange = Static<typeof MemberStatusChange>;

export const MemberDetail = Type.Object({
  ...Member.properties,
  history: Type.Array(MemberStatusChange),
  allowedActions: Type.Array(StringEnum(MemberActions)),
});
export type MemberDetail = Static<typeof MemberDetail>;

export const MemberList = Type.Object({ items: Type.Array(Member), total: Type.Integer({ minimum: 0 }) });
export type MemberList = Static<typeof MemberList>;

const filterFields = {
  orgId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Only this org’s subtree (within the caller’s)' }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 40,
      description:
        'An 18-character ID number or an 11-digit phone (exact), else a name: Chinese substring, pinyin or initials prefix',
    }),
  ),
  status: Type.Optional(StringEnum(MemberStatuses)),
  category: Type.Optional(StringEnum(MemberCategories)),
  employer: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Employer name contains' }),
  ),
  sort: Type.Optional(StringEnum(MemberSorts, { description: 'A leading - sorts descending' })),
};

export const MemberQuery = Type.Object(
  {
    ...filterFields,
    sort: Type.Optional(StringEnum(MemberSorts, { description: 'A leading - sorts descending' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type MemberQuery = Static<typeof MemberQuery>;

/** The list's filters; an export is written in registration order. */
export const MemberExportQuery = Type.Object(filterFields, { additionalProperties: false });
export type MemberExportQuery = Static<typeof MemberExportQuery>;

export const CreateMemberBody = Type.Object(
  {
    orgId: Id,
    name: MemberName,
    idNumber: IdNumberInput,
    phone: Phone,
    joinedOn: IsoDate,
    employerName: Type.Optional(EmployerName),
    categories: Type.Optional(Categories),
  },
  { additionalProperties: false },
);
export type CreateMemberBody = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Type.Object(
  {
    name: Type.Optional(MemberName),
    phone: Type.Optional(Phone),
    employerName: Type.Optional(Type.Union([EmployerName, Type.Null()])),
    categories: Type.Optional(Categories),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const CorrectIdNumberBody = Type.Object(
  { idNumber: IdNumberInput, reason: Reason },
  { additionalProperties: false },
);
export type CorrectIdNumberBody = Static<typeof CorrectIdNumberBody>;

export const ChangeMemberStatusBody = Type.Object(
  { status: StringEnum(MemberStatusChanges), reason: Reason },
  { additionalProperties: false },
);
export type ChangeMemberStatusBody = Static<typeof ChangeMemberStatusBody>;

export const ReadMemberPiiBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type ReadMemberPiiBody = Static<typeof ReadMemberPiiBody>;

export const MemberPii = Type.Object({ idNumber: Type.String(), phone: Type.String() });
export type MemberPii = Static<typeof MemberPii>;

export const LookupMemberBody = Type.Object({ idNumber: IdNumberInput }, { additionalProperties: false });
export type LookupMemberBody = Static<typeof LookupMemberBody>;
