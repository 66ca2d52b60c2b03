import type {
  Lecture,
  LectureRegistration,
  LectureStatus,
  LegalField,
  MemberLecture,
} from '@unionhub/contracts';
import { registrationBlock } from './lectures.policy.js';
import type { LectureWithOrg, RegistrationRow, RegistrationView } from './lectures.repository.js';
import { allowedLectureActions } from './lectures.workflow.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentLecture(row: LectureWithOrg): Lecture {
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName },
    title: row.title,
    topic: row.topic,
    fields: row.fields as LegalField[],
    speakerName: row.speakerName,
    speakerTitle: row.speakerTitle,
    mode: row.mode as Lecture['mode'],
    place: row.place,
    address: row.address,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    registrationDeadline: row.registrationDeadline.toISOString(),
    status: row.status as LectureStatus,
    cancelReason: row.cancelReason,
    registered: row.seatsTaken,
    attended: row.attended,
    seatsLeft: Math.max(0, row.capacity - row.seatsTaken),
    allowedActions: allowedLectureActions(row.status as LectureStatus),
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentRegistration(row: RegistrationView): LectureRegistration {
  return {
    id: row.id,
    lectureId: row.lectureId,
    memberName: row.memberName,
    phoneMasked: row.phoneMasked,
    orgName: row.orgName,
    status: row.status as LectureRegistration['status'],
    walkIn: row.walkIn,
    registeredAt: row.registeredAt.toISOString(),
    attendedAt: iso(row.attendedAt),
    checkinMethod: row.checkinMethod as LectureRegistration['checkinMethod'],
  };
}

/** A lecture as a member sees it; the online room only once they hold a seat. */
export function presentMemberLecture(
  row: LectureWithOrg,
  registration: RegistrationRow | null,
  now: Date,
): MemberLecture {
  const seated = registration?.status === 'registered';
  return {
    id: row.id,
    orgName: row.orgName,
    title: row.title,
    topic: row.topic,
    fields: row.fields as LegalField[],
    speakerName: row.speakerName,
    speakerTitle: row.speakerTitle,
    mode: row.mode as MemberLecture['mode'],
    place: row.place,
    address: row.address,
    onlineUrl: seated ? row.onlineUrl : null,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationDeadline: row.registrationDeadline.toISOString(),
    status: row.status as LectureStatus,
    cancelReason: row.cancelReason,
    seatsLeft: Math.max(0, row.capacity - row.seatsTaken),
    canRegister: !seated && registrationBlock(row, now) === null,
    registration: registration
      ? {
          id: registration.id,
          status: registration.status as 'registered' | 'cancelled',
          registeredAt: registration.registeredAt.toISOString(),
          attendedAt: iso(registration.attendedAt),
        }
      : null,
  };
}
