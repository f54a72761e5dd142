import { describe, expect, it } from 'vitest';
import type { DeskActor } from '../../../../shared/domain/caseDesk';
import type { CaseRecord } from '../../../../shared/schemas/case';
import type { CaseDesk } from '../../../../shared/schemas/caseDesk';
import { caseRecordFixture } from '../../testing/caseRecordFixture';
import { stepChoices } from './stepChoices';

const now = new Date('2026-12-07T02:00:00.000Z');
const officer: DeskActor = { username: 'officer', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const colleague: DeskActor = { username: 'colleague', roles: ['officer'], units: [{ unit: 'PROPERTY', position: 'officer' }] };
const otherUnit: DeskActor = { username: 'consumption', roles: ['officer'], units: [{ unit: 'CONSUMPTION', position: 'officer' }] };
const chief: DeskActor = { username: 'chief', roles: ['supervisor'], units: [{ unit: 'PROPERTY', position: 'chief' }] };
const clerk: DeskActor = { username: 'clerk', roles: ['clerk'], units: [] };

// HT-REGISTER is handled by PROPERTY and decided by its chief; GEN-EBILL by SERVICE, at the officer's own level.
const onDesk = (desk: Partial<CaseDesk>, overrides: Partial<CaseRecord> = {}): CaseRecord =>
  caseRecordFixture(1, { serviceId: 'HT-REGISTER', desk: { unit: 'PROPERTY', notes: [], ...desk }, ...overrides });

describe("the case's desk steps", () => {
  it('offers an officer of the unit an unassigned case to take, review, ask documents for or annotate', () => {
    expect(stepChoices(onDesk({}), officer, now)).toEqual({ allowed: ['take', 'start-review', 'request-documents', 'note'], level: 'chief', decides: false });
  });

  it("offers the case's officer in review the request, the proposal (sent for approval) and notes", () => {
    const choices = stepChoices(onDesk({ assignee: 'officer' }, { status: 'in-review' }), officer, now);
    expect(choices.allowed).toEqual(['request-documents', 'propose', 'note']);
    expect(choices.decides).toBe(false);
  });

  it("lets the officer decide alone where the service's level is the officer's", () => {
    const ebill = caseRecordFixture(1, { serviceId: 'GEN-EBILL', status: 'in-review', desk: { unit: 'SERVICE', assignee: 'officer', notes: [] } });
    const serviceOfficer: DeskActor = { ...officer, units: [{ unit: 'SERVICE', position: 'officer' }] };
    expect(stepChoices(ebill, serviceOfficer, now)).toMatchObject({ level: 'officer', decides: true });
  });

  it("offers the unit's chief the assignment and the decision, but no taking", () => {
    const choices = stepChoices(onDesk({}), chief, now);
    expect(choices.allowed).toEqual(['start-review', 'assign', 'request-documents', 'note']);
    expect(choices.decides).toBe(true);
  });

  it('offers nothing to an officer of another unit or to a colleague on a held case, and says why', () => {
    expect(stepChoices(onDesk({}), otherUnit, now)).toMatchObject({ allowed: [], refusal: { en: "This case belongs to another unit's desk." } });
    expect(stepChoices(onDesk({ assignee: 'officer' }, { status: 'in-review' }), colleague, now)).toMatchObject({ allowed: ['note'] });
    expect(stepChoices(onDesk({ assignee: 'officer' }, { status: 'pending-approval' }), otherUnit, now)).toMatchObject({ allowed: [], refusal: { zh: '此案件不屬於您的單位' } });
  });

  it('offers the counter the hand-over of a decided case, and nothing once it is closed', () => {
    expect(stepChoices(onDesk({ assignee: 'officer' }, { status: 'approved' }), clerk, now).allowed).toEqual(['hand-over']);
    expect(stepChoices(onDesk({ assignee: 'officer' }, { status: 'closed' }), officer, now)).toMatchObject({ allowed: [], refusal: { en: 'This case is already closed or withdrawn.' } });
  });
});
