import Type, { type Static } from 'typebox';
import { StringEnum } from './common.js';

export const Industry = Type.Object({
  code: Type.String({ description: 'Section letter (A–T) or two-digit division' }),
  level: StringEnum(['section', 'division'] as const),
  section: Type.String({ description: 'The section the code belongs to' }),
  name: Type.String(),
});
export type Industry = Static<typeof Industry>;

export const IndustryList = Type.Object({ items: Type.Array(Industry) });

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: StringEnum(['province', 'city', 'county'] as const),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type Region = Static<typeof Region>;

export const RegionList = Type.Object({ items: Type.Array(Region) });

export const RegionCodeParams = Type.Object(
  { code: Type.String({ pattern: '^[1-8][0-9]{5}$' }) },
  { additionalProperties: false },
);
