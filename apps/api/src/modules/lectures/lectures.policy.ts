import type { ErrorDetail, LectureMode, LectureStatus } from '@unionhub/contracts';

export interface LectureShape {
  mode: LectureMode;
  place: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  capacity: number;
}

/** Check-in opens an hour before the start (people arrive early) and closes at the end. */
export const CHECKIN_OPENS_BEFORE_MS = 3600_000;

/** The rules across fields of a lecture; each problem names its field. */
export function lectureProblems(l: LectureShape, seatsTaken: number): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (l.endsAt <= l.startsAt)
    problems.push({
      path: 'body.endsAt',
      message: '结束时间应晚于开始时间',
      rule: 'lecture.ends_after_start',
    });
  if (l.registrationDeadline > l.startsAt)
    problems.push({
      path: 'body.registrationDeadline',
      message: '报名截止时间不能晚于开始时间',
      rule: 'lecture.deadline_before_start',
    });
  if (l.mode === 'onsite' && !l.place?.trim())
    problems.push({ path: 'body.place', message: '现场讲座请填写地点', rule: 'lecture.place_required' });
  if (l.mode === 'online' && !l.onlineUrl)
    problems.push({
      path: 'body.onlineUrl',
      message: '线上讲座请填写 https 开头的直播链接',
      rule: 'lecture.online_url_required',
    });
  if (l.capacity < seatsTaken)
    problems.push({
      path: 'body.capacity',
      message: `已有 ${seatsTaken} 人报名，名额不能少于报名人数`,
      rule: 'lecture.capacity_below_seats',
    });
  return problems;
}

/** Why a member cannot register now, or null when they can. */
export function registrationBlock(
  l: { status: LectureStatus | string; registrationDeadline: Date; seatsTaken: number; capacity: number },
  now: Date,
): 'not_open' | 'deadline_passed' | 'full' | null {
  if (l.status !== 'published') return 'not_open';
  if (now > l.registrationDeadline) return 'deadline_passed';
  if (l.seatsTaken >= l.capacity) return 'full';
  return null;
}

export function checkinWindow(l: { startsAt: Date; endsAt: Date }, now: Date): 'early' | 'over' | 'open' {
  if (now.getTime() < l.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return 'early';
  if (now > l.endsAt) return 'over';
  return 'open';
}
