import { describe, expect, it } from 'vitest';
import { checkinWindow, lectureProblems, registrationBlock } from './lectures.policy.js';

const start = new Date('2026-03-10T06:00:00Z');
const shape = {
  mode: 'onsite' as const,
  place: '报告厅',
  onlineUrl: null,
  startsAt: start,
  endsAt: new Date(start.getTime() + 7200_000),
  registrationDeadline: new Date(start.getTime() - 86_400_000),
  capacity: 10,
};

describe('lecture rules', () => {
  it('accepts a well-formed lecture', () => {
    expect(lectureProblems(shape, 0)).toEqual([]);
  });

  it('wants a link for an online lecture and seats for everyone registered', () => {
    expect(lectureProblems({ ...shape, mode: 'online', place: null }, 12).map((p) => p.rule)).toEqual([
      'lecture.online_url_required',
      'lecture.capacity_below_seats',
    ]);
  });

  it('says why registration is closed: not open, deadline, full', () => {
    const l = {
      status: 'published',
      registrationDeadline: shape.registrationDeadline,
      seatsTaken: 3,
      capacity: 10,
    };
    const before = new Date(start.getTime() - 2 * 86_400_000);
    expect(registrationBlock(l, before)).toBeNull();
    expect(registrationBlock({ ...l, status: 'draft' }, before)).toBe('not_open');
    expect(registrationBlock(l, new Date(start.getTime() - 3600_000))).toBe('deadline_passed');
    expect(registrationBlock({ ...l, seatsTaken: 10 }, before)).toBe('full');
  });

  it('opens check-in an hour before the start and closes it at the end', () => {
    expect(checkinWindow(shape, new Date(start.getTime() - 3601_000))).toBe('early');
    expect(checkinWindow(shape, new Date(start.getTime() - 3600_000))).toBe('open');
    expect(checkinWindow(shape, shape.endsAt)).toBe('open');
    expect(checkinWindow(shape, new Date(shape.endsAt.getTime() + 1000))).toBe('over');
  });
});
