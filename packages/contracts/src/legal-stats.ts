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

/** Questions asked in the period (by the member's union), answered, how fast, how rated, timed out. */
export const ConsultationFigures = Type.Object({
  asked: Type.Integer({ minimum: 0 }),
  answered: Type.Integer({ minimum: 0 }),
  answerMinutesMedian: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'From asking to the first answer, in minutes',
  }),
  answerMinutesP90: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  rated: Type.Integer({ minimum: 0 }),
  satisfaction: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'Share of ratings of 4 or 5',
  }),
  ratingMean: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()]),
  timedOut: Type.Integer({ minimum: 0, description: 'Moves to the next lawyer after a pick-up timeout' }),
});
export type ConsultationFigures = Static<typeof ConsultationFigures>;

/** Legal-aid requests filed in the period (by the handling union): stage, outcome and amounts. */
export const LegalAidFigures = Type.Object({
  cases: Type.Integer({ minimum: 0 }),
  open: Type.Integer({ minimum: 0, description: 'No outcome recorded yet' }),
  closed: Type.Integer({ minimum: 0 }),
  amountClaimedFen: Type.Integer({ minimum: 0 }),
  amountRecoveredFen: Type.Integer({ minimum: 0 }),
});
export type LegalAidFigures = Static<typeof LegalAidFigures>;

const OrgKey = { orgId: Id, orgName: Type.String(), own: Type.Boolean() };

export const LegalStats = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  consultations: Type.Object({
    totals: ConsultationFigures,
    byField: Type.Array(Type.Object({ field: Type.String(), ...ConsultationFigures.properties })),
    byOrg: Type.Array(Type.Object({ ...OrgKey, ...ConsultationFigures.properties })),
  }),
  legalAid: Type.Object({
    totals: LegalAidFigures,
    byStage: Type.Array(Type.Object({ stage: Type.String(), count: Type.Integer({ minimum: 0 }) })),
    byOutcome: Type.Array(Type.Object({ outcome: Type.String(), count: Type.Integer({ minimum: 0 }) })),
    byOrg: Type.Array(Type.Object({ ...OrgKey, ...LegalAidFigures.properties })),
  }),
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
