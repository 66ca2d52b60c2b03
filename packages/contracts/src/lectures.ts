import Type, { type Static } from 'typebox';
import { Id, StringEnum, Timestamp } from './common.js';

/** 法律大讲堂: a lecture a union holds for the members of its subtree, on site or online. */
export const LectureStatuses = ['draft', 'published', 'cancelled', 'finished'] as const;
export type LectureStatus = (typeof LectureStatuses)[number];

export const LectureModes = ['onsite', 'online'] as const;
export type LectureMode = (typeof LectureModes)[number];

/** What staff do with a lecture; the workflow table says from which status. */
export const LectureActions = ['edit', 'publish', 'cancel', 'finish'] as const;
export type LectureAction = (typeof LectureActions)[number];

/** Legal fields a lecture (and, later, a lawyer) covers. */
export const LegalFields = [
  'wages',
  'contracts',
  'work_injury',
  'social_insurance',
  'dismissal',
  'working_hours',
  'women_workers',
  'collective_bargaining',
  'other',
] as const;
export type LegalField = (typeof LegalFields)[number];

const HttpsUrl = Type.String({
  pattern: '^https://[^\\s]+$',
  maxLength: 500,
  description: 'The online room (https only)',
});

const lectureFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  topic: Type.String({ minLength: 1, maxLength: 2000, description: 'What the lecture covers' }),
  fields: Type.Array(StringEnum(LegalFields), { maxItems: LegalFields.length, uniqueItems: true }),
  speakerName: Type.String({ minLength: 1, maxLength: 50 }),
  speakerTitle: Type.Optional(Type.String({ maxLength: 100, description: 'e.g. 河南某律师事务所律师' })),
  mode: StringEnum(LectureModes),
  place: Type.Optional(Type.String({ maxLength: 100, description: 'On site: the hall or room' })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  onlineUrl: Type.Optional(HttpsUrl),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  registrationDeadline: Timestamp,
};

export const CreateLectureBody = Type.Object(
  { orgId: Id, ...lectureFields },
  { additionalProperties: false },
);
export type CreateLectureBody = Static<typeof CreateLectureBody>;

export const UpdateLectureBody = Type.Partial(Type.Object(lectureFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateLectureBody = Static<typeof UpdateLectureBody>;

export const CancelLectureBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CancelLectureBody = Static<typeof CancelLectureBody>;

export const Lecture = Type.Object({
  id: Id,
  org: Type.Object({ id: Id, name: Type.String() }),
  title: Type.String(),
  topic: Type.String(),
  fields: Type.Array(StringEnum(LegalFields)),
  speakerName: Type.String(),
  speakerTitle: Type.Union([Type.String(), Type.Null()]),
  mode: StringEnum(LectureModes),
  place: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  onlineUrl: Type.Union([Type.String(), Type.Null()]),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: Type.Integer(),
  registrationDeadline: Timestamp,
  status: StringEnum(LectureStatuses),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  registered: Type.Integer({ minimum: 0, description: 'Seats taken: registrations and walk-ins' }),
  attended: Type.Integer({ minimum: 0 }),
  seatsLeft: Type.Integer({ minimum: 0 }),
  allowedActions: Type.Array(StringEnum(LectureActions)),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type Lecture = Static<typeof Lecture>;

export const LectureList = Type.Object({ items: Type.Array(Lecture), total: Type.Integer({ minimum: 0 }) });
export type LectureList = Static<typeof LectureList>;

export const LectureQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this union’s lectures' })),
    status: Type.Optional(StringEnum(LectureStatuses)),
    q: Type.Optional(Type.String({ maxLength: 50, description: 'Title or speaker' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type LectureQuery = Static<typeof LectureQuery>;

export const RegistrationStatuses = ['registered', 'cancelled'] as const;
export type RegistrationStatus = (typeof RegistrationStatuses)[number];

export const LectureRegistration = Type.Object({
  id: Id,
  lectureId: Id,
  memberName: Type.String(),
  phoneMasked: Type.String(),
  orgName: Type.String({ description: 'The member’s union' }),
  status: StringEnum(RegistrationStatuses),
  walkIn: Type.Boolean({ description: 'Checked in without registering' }),
  registeredAt: Timestamp,
  attendedAt: Type.Union([Timestamp, Type.Null()]),
  checkinMethod: Type.Union([StringEnum(['qr', 'manual'] as const), Type.Null()]),
});
export type LectureRegistration = Static<typeof LectureRegistration>;

export const LectureRegistrationList = Type.Object({
  items: Type.Array(LectureRegistration),
  total: Type.Integer({ minimum: 0 }),
});
export type LectureRegistrationList = Static<typeof LectureRegistrationList>;

export const LectureRegistrationQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(RegistrationStatuses)),
    attended: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type LectureRegistrationQuery = Static<typeof LectureRegistrationQuery>;

export const RegistrationParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), registrationId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** The signed check-in token the staff screen shows as a QR code; it changes every half minute. */
export const LectureCheckinToken = Type.Object({
  token: Type.String(),
  /** The member-app link the QR code holds: a phone camera opens it. */
  path: Type.String({ description: 'e.g. /m/lectures/checkin?t=…' }),
  expiresAt: Timestamp,
  refreshInSeconds: Type.Integer({ minimum: 1 }),
});
export type LectureCheckinToken = Static<typeof LectureCheckinToken>;

export const CheckinBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
export type CheckinBody = Static<typeof CheckinBody>;

/** A lecture as a member sees it: with their own registration, if any. */
export const MemberLecture = Type.Object({
  id: Id,
  orgName: Type.String(),
  title: Type.String(),
  topic: Type.String(),
  fields: Type.Array(StringEnum(LegalFields)),
  speakerName: Type.String(),
  speakerTitle: Type.Union([Type.String(), Type.Null()]),
  mode: StringEnum(LectureModes),
  place: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  onlineUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'Given to registered members only',
  }),
  startsAt: Timestamp,
  endsAt: Timestamp,
  registrationDeadline: Timestamp,
  status: StringEnum(LectureStatuses),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  seatsLeft: Type.Integer({ minimum: 0 }),
  canRegister: Type.Boolean(),
  registration: Type.Union([
    Type.Object({
      id: Id,
      status: StringEnum(RegistrationStatuses),
      registeredAt: Timestamp,
      attendedAt: Type.Union([Timestamp, Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type MemberLecture = Static<typeof MemberLecture>;

export const MemberLectureList = Type.Object({
  items: Type.Array(MemberLecture),
  total: Type.Integer({ minimum: 0 }),
});
export type MemberLectureList = Static<typeof MemberLectureList>;

export const MemberLectureQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ description: 'Only lectures I registered for or attended' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type MemberLectureQuery = Static<typeof MemberLectureQuery>;

export const CheckinResult = Type.Object({
  lecture: MemberLecture,
  walkIn: Type.Boolean(),
  alreadyCheckedIn: Type.Boolean(),
});
export type CheckinResult = Static<typeof CheckinResult>;
