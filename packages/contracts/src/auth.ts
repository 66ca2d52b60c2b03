import Type, { type Static } from 'typebox';
import { Id, Phone, RegionCode, StringEnum } from './common.js';
import { StaffRoles } from './permissions.js';

const strict = { additionalProperties: false } as const;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'Six-digit TOTP code, when enabled' }),
    ),
  },
  strict,
);
export type LoginBody = Static<typeof LoginBody>;

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
});
export type TokenPair = Static<typeof TokenPair>;

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  strict,
);
export type RefreshBody = Static<typeof RefreshBody>;

export const LogoutBody = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) },
  strict,
);

export const OtpRequestBody = Type.Object({ phone: Phone }, strict);
export type OtpRequestBody = Static<typeof OtpRequestBody>;

export const OtpVerifyBody = Type.Object(
  { phone: Phone, code: Type.String({ pattern: '^[0-9]{6}$' }) },
  strict,
);
export type OtpVerifyBody = Static<typeof OtpVerifyBody>;

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 10, maxLength: 256 }),
  },
  strict,
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const TotpSetup = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for manual entry' }),
  otpauthUrl: Type.String({ description: 'otpauth:// URL for an authenticator app' }),
});
export type TotpSetup = Static<typeof TotpSetup>;

export const TotpConfirmBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, strict);
export const TotpDisableBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  strict,
);

export const OrgLevels = ['national', 'province', 'city', 'county', 'township', 'grassroots'] as const;
export const OrgLevel = StringEnum(OrgLevels);
export type OrgLevel = (typeof OrgLevels)[number];

export const MeOrg = Type.Object({
  id: Id,
  name: Type.String(),
  level: OrgLevel,
  regionCode: Type.Union([RegionCode, Type.Null()]),
});

export const MeUser = Type.Object({
  id: Id,
  kind: StringEnum(['staff', 'member']),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  roles: Type.Array(StringEnum(StaffRoles)),
  totpEnabled: Type.Boolean(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export const Me = Type.Object({
  user: MeUser,
  org: Type.Union([MeOrg, Type.Null()], { description: 'The staff user’s org; null for a member' }),
  permissions: Type.Array(Type.String()),
});
export type Me = Static<typeof Me>;
