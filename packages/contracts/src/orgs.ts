import Type, { type Static } from 'typebox';
import { OrgLevel } from './auth.js';
import { Id, PageQuery, RegionCode, StringEnum } from './common.js';

export { OrgLevel, OrgLevels } from './auth.js';

export const OrgKinds = ['regular', 'joint', 'industry', 'trade'] as const;
export const OrgKind = StringEnum(OrgKinds);
export type OrgKind = (typeof OrgKinds)[number];

/** 依托式 / 委托式建会: how the union was formed. */
export const OrgFormations = ['hosted', 'delegated'] as const;
export const OrgFormation = StringEnum(OrgFormations);
export type OrgFormation = (typeof OrgFormations)[number];

export const OrgStatuses = ['active', 'dissolved'] as const;

/** GB/T 4754-2017: a section letter (A–T) or a two-digit division. */
export const IndustryCode = Type.String({
  pattern: '^([A-Z]|[0-9]{2})$',
  description: 'GB/T 4754-2017 section letter or two-digit division (checked against the classification)',
});

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Org = Type.Object({
  id: Id,
  parentId: nullable(Id),
  name: Type.String(),
  namePinyin: Type.String({ description: 'Full pinyin without tones, e.g. jinshuiquzonggonghui' }),
  nameInitials: Type.String({ description: 'Pinyin initials, e.g. jsqzgh' }),
  level: OrgLevel,
  kind: OrgKind,
  formation: nullable(OrgFormation),
  regionCode: nullable(RegionCode),
  industryCode: nullable(Type.String()),
  chairName: nullable(Type.String()),
  contactName: nullable(Type.String()),
  contactPhone: nullable(Type.String()),
  address: nullable(Type.String()),
  foundedOn: nullable(DateOnly),
  depth: Type.Integer({ description: 'Depth in the tree; the root is 1' }),
  childCount: Type.Integer({ minimum: 0 }),
  status: StringEnum(OrgStatuses),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Org = Static<typeof Org>;

export const OrgList = Type.Object({ items: Type.Array(Org) });
export type OrgList = Static<typeof OrgList>;

const Name = Type.String({ minLength: 2, maxLength: 100 });
const PersonName = Type.String({ minLength: 1, maxLength: 50 });

/** Optional details shared by create and update; on update, null clears a field. */
const details = {
  formation: OrgFormation,
  industryCode: IndustryCode,
  chairName: PersonName,
  contactName: PersonName,
  contactPhone: Type.String({ minLength: 3, maxLength: 32 }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  foundedOn: DateOnly,
};

export const CreateOrgBody = Type.Object(
  {
    parentId: Id,
    name: Name,
    level: OrgLevel,
    kind: OrgKind,
    regionCode: RegionCode,
    formation: Type.Optional(details.formation),
    industryCode: Type.Optional(details.industryCode),
    chairName: Type.Optional(details.chairName),
    contactName: Type.Optional(details.contactName),
    contactPhone: Type.Optional(details.contactPhone),
    address: Type.Optional(details.address),
    foundedOn: Type.Optional(details.foundedOn),
  },
  { additionalProperties: false },
);
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object(
  {
    name: Type.Optional(Name),
    kind: Type.Optional(OrgKind),
    regionCode: Type.Optional(RegionCode),
    formation: Type.Optional(nullable(details.formation)),
    industryCode: Type.Optional(nullable(details.industryCode)),
    chairName: Type.Optional(nullable(details.chairName)),
    contactName: Type.Optional(nullable(details.contactName)),
    contactPhone: Type.Optional(nullable(details.contactPhone)),
    address: Type.Optional(nullable(details.address)),
    foundedOn: Type.Optional(nullable(details.foundedOn)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrgBody = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = Type.Object({ newParentId: Id }, { additionalProperties: false });
export type MoveOrgBody = Static<typeof MoveOrgBody>;

export const DissolveOrgBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type DissolveOrgBody = Static<typeof DissolveOrgBody>;

export const OrgSearchQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Chinese substring of the name, or its pinyin (full or initials) from the start',
    }),
    rootId: Type.Optional(Id),
    level: Type.Optional(OrgLevel),
  },
  { additionalProperties: false },
);
export type OrgSearchQuery = Static<typeof OrgSearchQuery>;

export const OrgAncestor = Type.Object({ id: Id, name: Type.String() });

export const OrgSearchHit = Type.Object({
  id: Id,
  parentId: nullable(Id),
  name: Type.String(),
  level: OrgLevel,
  kind: OrgKind,
  regionCode: nullable(RegionCode),
  depth: Type.Integer(),
  status: StringEnum(OrgStatuses),
  ancestors: Type.Array(OrgAncestor, {
    description: 'Ancestors within the caller’s subtree, from its root down to the parent',
  }),
});
export type OrgSearchHit = Static<typeof OrgSearchHit>;

export const OrgSearchResult = Type.Object({ items: Type.Array(OrgSearchHit), total: Type.Integer() });
export type OrgSearchResult = Static<typeof OrgSearchResult>;
