import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar';
import type { CaseStatus } from '../schemas/case';
import { addWorkingDays, assessRisk, defaultStageDays, stageDurations, usualStageDays } from './atRiskRule';
import type { StatusChange } from './atRiskRule';

// LVT-SELF-USE: 12 working days. Received Monday 2026-03-02, due Wednesday 2026-03-18.
const limit = { days: 12, basis: 'working' } as const;
const usual = defaultStageDays(limit);
const calendar = defaultCalendar;
const at = (date: string, time = '10:00'): Date => new Date(`${date}T${time}:00+08:00`);
const history = (...steps: Array<[string, CaseStatus]>): StatusChange[] => steps.map(([date, to]) => ({ at: at(date), to }));
const base = { receivedOn: '2026-03-02', dueDate: '2026-03-18', usual, calendar };

describe('the at-risk rule', () => {
  it('splits a limit a quarter, a half, a quarter when there is no history', () => {
    expect(usual).toEqual({ received: 3, 'in-review': 6, 'pending-approval': 3 });
    expect(defaultStageDays({ days: 0, basis: 'immediate' })).toEqual({ received: 0, 'in-review': 0, 'pending-approval': 0 });
    expect(defaultStageDays({ days: 14, basis: 'calendar' })['in-review']).toBe(5);
  });

  it('keeps a fresh case on track', () => {
    const result = assessRisk({ ...base, status: 'received', history: history(['2026-03-02', 'received']), today: '2026-03-03' });
    expect(result).toEqual({ risk: 'on-track', remainingWorkingDays: 11, predictedDecisionOn: '2026-03-18', daysInStage: 1 });
  });

  it('flags a case stuck at intake before it is overdue', () => {
    const result = assessRisk({ ...base, status: 'received', history: history(['2026-03-02', 'received']), today: '2026-03-09' });
    expect(result).toEqual({ risk: 'at-risk', remainingWorkingDays: 7, predictedDecisionOn: '2026-03-20', daysInStage: 5 });
  });

  it('does not flag a case of the same age that has reached the supervisor', () => {
    const result = assessRisk({
      ...base,
      status: 'pending-approval',
      history: history(['2026-03-02', 'received'], ['2026-03-03', 'in-review'], ['2026-03-06', 'pending-approval']),
      today: '2026-03-09',
    });
    expect(result).toEqual({ risk: 'on-track', remainingWorkingDays: 7, predictedDecisionOn: '2026-03-11', daysInStage: 1 });
  });

  it('flags a case the supervisor has sat on past the usual time, with days still left', () => {
    const result = assessRisk({
      ...base,
      status: 'pending-approval',
      history: history(['2026-03-02', 'received'], ['2026-03-03', 'in-review'], ['2026-03-04', 'pending-approval']),
      today: '2026-03-16',
    });
    // Eight working days pending, three usual: the rule predicts "today", which is still in time.
    expect(result.risk).toBe('on-track');
    const tight = assessRisk({ ...base, dueDate: '2026-03-17', status: 'in-review', history: history(['2026-03-02', 'received'], ['2026-03-03', 'in-review']), today: '2026-03-16' });
    expect(tight).toMatchObject({ risk: 'at-risk', remainingWorkingDays: 1, predictedDecisionOn: '2026-03-19' });
  });

  it('calls a case overdue after its due date, and paused while the applicant is awaited', () => {
    expect(assessRisk({ ...base, status: 'in-review', history: history(['2026-03-02', 'received'], ['2026-03-03', 'in-review']), today: '2026-03-19' })).toMatchObject({
      risk: 'overdue',
      remainingWorkingDays: -1,
    });
    expect(assessRisk({ ...base, status: 'awaiting-documents', history: history(['2026-03-02', 'received'], ['2026-03-03', 'awaiting-documents']), today: '2026-03-19' })).toMatchObject({
      risk: 'paused',
      predictedDecisionOn: null,
    });
  });

  it('measures each completed forward stage in working days, across a weekend, ignoring returns', () => {
    const h = history(['2026-03-05', 'received'], ['2026-03-09', 'in-review'], ['2026-03-10', 'awaiting-documents'], ['2026-03-12', 'received'], ['2026-03-12', 'in-review'], ['2026-03-13', 'pending-approval'], ['2026-03-16', 'approved']);
    expect(stageDurations(h, calendar)).toEqual([
      { stage: 'received', days: 2 },
      { stage: 'received', days: 0 },
      { stage: 'in-review', days: 1 },
      { stage: 'pending-approval', days: 1 },
    ]);
  });

  it('learns the usual stage times from at least five past cases of the service', () => {
    const quick = history(['2026-02-02', 'received'], ['2026-02-03', 'in-review'], ['2026-02-04', 'pending-approval'], ['2026-02-05', 'approved']);
    const five = Array.from({ length: 5 }, () => quick);
    expect(usualStageDays(five, limit, calendar)).toEqual({ received: 1, 'in-review': 1, 'pending-approval': 1 });
    expect(usualStageDays(five.slice(1), limit, calendar)).toEqual(usual);

    // With that history, the case "stuck" at intake for five days is no longer at risk.
    const learned = usualStageDays(five, limit, calendar);
    const result = assessRisk({ ...base, usual: learned, status: 'received', history: history(['2026-03-02', 'received']), today: '2026-03-09' });
    expect(result).toMatchObject({ risk: 'on-track', predictedDecisionOn: '2026-03-11' });
  });

  it('counts working days over holidays', () => {
    // 2026-04-03 and 2026-04-06 are holidays (兒童節、清明節 observed).
    expect(addWorkingDays('2026-04-02', 1, calendar)).toBe('2026-04-07');
  });
});
