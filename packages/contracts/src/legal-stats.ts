import Type, { type Static } from 'typebox';
import { Id } from './common.js';

/** 法律服务统计 of a union's subtree over a period. Each kind of legal service has its own section. */
export const LegalStatsQuery = Type.Object(
  {
    orgId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The union whose subtree is counted (default: the caller’s)' }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'First day (China date)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last day (China date)' })),
  },
  { additionalProperties: false },
);
export type LegalStatsQuery = Static<typeof LegalStatsQuery>;

const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

/** Lectures held (published or finished) starting in the period, their registrations and attendance. */
export const LectureFigures = Type.Object({
  lectures: Type.Integer({ minimum: 0 }),
  registrations: Type.Integer({ minimum: 0, description: 'Seats taken, walk-ins included' }),
  attended: Type.Integer({ minimum: 0 }),
  attendanceRate: Share,
});
export type LectureFigures = Static<typeof LectureFigures>;

/** Inspections made in the period and where their rectifications stand now. */
export const SupervisionFigures = Type.Object({
  inspections: Type.Integer({ minimum: 0 }),
  enterprises: Type.Integer({ minimum: 0, description: 'Different enterprises inspected' }),
  needingRectification: Type.Integer({ minimum: 0 }),
  rectified: Type.Integer({ minimum: 0, description: 'Of those, closed' }),
  rectificationRate: Share,
  overdue: Type.Integer({ minimum: 0 }),
});
export type SupervisionFigures = Static<typeof SupervisionFigures>;

const OrgKey = { orgId: Id, orgName: Type.String(), own: Type.Boolean() };

export const LegalStats = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  lectures: Type.Object({
    totals: LectureFigures,
    byOrg: Type.Array(Type.Object({ ...OrgKey, ...LectureFigures.properties })),
  }),
  supervision: Type.Object({
    totals: SupervisionFigures,
    byOrg: Type.Array(Type.Object({ ...OrgKey, ...SupervisionFigures.properties })),
    nonCompliance: Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        count: Type.Integer({ minimum: 0, description: 'Inspections that found this item non-compliant' }),
      }),
    ),
  }),
});
export type LegalStats = Static<typeof LegalStats>;
