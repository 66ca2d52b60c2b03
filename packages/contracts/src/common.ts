import Type, { type Static } from 'typebox';

/** Database ids are bigint identities, sent as JSON integers (safe below 2^53). */
export const Id = Type.Integer({ minimum: 1, description: 'Identifier' });
export type Id = Static<typeof Id>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** GB/T 2260 six-digit administrative division code, e.g. 410000 (Henan), 410100 (Zhengzhou). */
export const RegionCode = Type.String({ pattern: '^[1-8][0-9]{5}$', description: 'GB/T 2260 region code' });

/** Mainland mobile number: 11 digits starting with 1. */
export const Phone = Type.String({
  pattern: '^1[3-9][0-9]{9}$',
  description: 'Mainland China mobile number',
});

export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const page = <T extends Type.TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

/** A string that is one of the given values; renders as { type: string, enum } in OpenAPI. */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
