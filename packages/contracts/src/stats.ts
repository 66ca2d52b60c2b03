import Type, { type Static } from 'typebox';
import { Id } from './common.js';

const Bucket = Type.Object({ key: Type.String(), count: Type.Integer() });

export const OrgMemberStats = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  /** Active members in the whole subtree. */
  active: Type.Integer(),
  byStatus: Type.Array(Bucket, { description: 'active, transferred_out, left, deceased' }),
  byGender: Type.Array(Bucket, { description: 'Active members: male, female' }),
  byAgeBand: Type.Array(Bucket, {
    description: 'Active members by age this year: under25, 25-34, 35-44, 45-54, 55plus',
  }),
  byCategory: Type.Array(Bucket, { description: 'Active members by worker category' }),
  joinsByMonth: Type.Array(Bucket, { description: 'Joins per month (YYYY-MM), last 12 months' }),
  leavesByMonth: Type.Array(Bucket, {
    description: 'Members who left or died per month (YYYY-MM), last 12 months',
  }),
});
export type OrgMemberStats = Static<typeof OrgMemberStats>;
