import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../../shared/domain/catalogue';
import { handedOverStates, laneApplicantKind, laneServices, minutesWaited } from './laneModel';

describe('laneModel', () => {
  it('offers only drive-through services, the most used first, filtered by what is typed', () => {
    const all = laneServices(defaultCatalogue, '', {});
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.channels.includes('drive-through'))).toBe(true);
    expect(all.map((s) => s.id)).not.toContain('HT-REGISTER');
    expect(laneServices(defaultCatalogue, '', { 'GEN-ARREARS': 3, 'GEN-CERT': 5 }).slice(0, 2).map((s) => s.id)).toEqual(['GEN-CERT', 'GEN-ARREARS']);
    expect(laneServices(defaultCatalogue, '補發', {}).map((s) => s.id)).toEqual(['GEN-REISSUE-BILL']);
    expect(laneServices(defaultCatalogue, 'HT-REGISTER', {})).toEqual([]);
  });

  it('takes the applicant kind from the id', () => {
    expect(laneApplicantKind('A123456789')).toBe('person');
    expect(laneApplicantKind('a800000014')).toBe('resident');
    expect(laneApplicantKind('04595257')).toBe('company');
    expect(laneApplicantKind('A12345')).toBe('person');
  });

  it('starts every listed document as handed over', () => {
    expect(handedOverStates([{ document: 'a' }, { document: 'b' }])).toEqual({ a: 'provided', b: 'provided' });
  });

  it('counts whole minutes waited, never below zero', () => {
    const arrived = '2026-11-27T01:00:00.000Z';
    expect(minutesWaited(arrived, Date.parse('2026-11-27T01:04:59.000Z'))).toBe(4);
    expect(minutesWaited(arrived, Date.parse('2026-11-27T00:59:00.000Z'))).toBe(0);
  });
});
