import Type, { type Static } from 'typebox';
import { Id, PageQuery, StringEnum } from './common.js';
import { StaffRoles } from './permissions.js';

const Role = StringEnum(StaffRoles);
const Username = Type.String({
  pattern: '^[A-Za-z0-9_.-]{3,32}$',
  description: 'Letters, digits, _ . -; 3–32 characters',
});

export const StaffUser = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  totpEnabled: Type.Boolean(),
  locked: Type.Boolean(),
  disabled: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type StaffUser = Static<typeof StaffUser>;

export const StaffUserList = Type.Object({ items: Type.Array(StaffUser), total: Type.Integer() });

export const StaffUserQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 64 })),
  }),
]);

export const CreateStaffUserBody = Type.Object(
  {
    orgId: Id,
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateStaffUserBody = Static<typeof CreateStaffUserBody>;

export const UpdateStaffUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaffUserBody = Static<typeof UpdateStaffUserBody>;
