import { describe, expect, it } from 'vitest';
import {
  catalogueSchema,
  defaultCatalogue,
  describeLimit,
  documentLabel,
  findService,
  isNewerCatalogue,
  limitFlag,
  parseCatalogue,
  servicesForChannel,
  taxTypeLabel,
  handlingUnitOf,
  decisionLevelOf,
  isSameDay,
} from './catalogue';
import { serviceCatalogueData } from './data/serviceCatalogueData';
import { computeDueDate } from './deadline';
import { must } from './fixtures/must';

const SEED_IDS = [
  'LVT-SELF-USE', 'LVT-RELIEF', 'LVT-ARCADE', 'LVT-INDUSTRIAL', 'LVT-PARKING', 'HT-REGISTER', 'HT-USE-CHANGE',
  'HT-DISASTER', 'HT-LOW-INCOME', 'VLT-DISABILITY', 'VLT-GENERAL-EXEMPT', 'VLT-REFUND', 'ST-LARGE-BILL',
  'ST-COLLECTIVE', 'ST-REFUND', 'AT-TEMP-EVENT', 'AT-ARTS-RELIEF', 'AT-REGISTRATION', 'LVIT-GENERAL',
  'LVIT-SELF-USE', 'LVIT-FAST', 'LVIT-WITHDRAW', 'DT-DECLARE', 'GEN-REISSUE-BILL', 'GEN-ADDRESS', 'GEN-EBILL',
  'GEN-CERT', 'GEN-ARREARS', 'GEN-REFUND', 'GEN-PETITION', 'GEN-DEADLINE-DEFAULT',
];
/** Added by the bureau to the seed: re-examination (複查), opened from a decided case. */
const SHIPPED_IDS = [...SEED_IDS, 'GEN-REEXAMINATION'];

describe('the shipped catalogue', () => {
  it('holds every seed row, in order, with a version', () => {
    expect(defaultCatalogue.services.map((s) => s.id)).toEqual(SHIPPED_IDS);
    expect(defaultCatalogue.version).toBe('2026.2');
    expect(Object.keys(defaultCatalogue.commonDocuments)).toEqual(['inPerson', 'agent', 'heir', 'foreigner', 'company']);
  });

  it('keeps the seed facts (spot checks)', () => {
    const lvt = must(findService(defaultCatalogue, 'LVT-SELF-USE'));
    expect(lvt).toMatchObject({ taxType: '地價稅', limit: { days: 12, basis: 'working' }, limitWithInspectionDays: 26, verified: true });
    expect(lvt.documents[2]).toEqual({ zh: '基地坐落申明書（77.4.29 前建物）', en: 'site declaration for buildings before 1988-04-29' });
    expect(findService(defaultCatalogue, 'VLT-GENERAL-EXEMPT')).toMatchObject({ limit: { days: 0, basis: 'immediate' }, writtenLimitDays: 4 });
    expect(findService(defaultCatalogue, 'GEN-PETITION')).toMatchObject({ limit: { days: 30, basis: 'calendar' }, documents: [] });
    expect(findService(defaultCatalogue, 'DT-DECLARE')?.verified).toBe(false);
    expect(findService(defaultCatalogue, 'NOPE')).toBeUndefined();
  });

  it('every document splits into non-empty Chinese and English', () => {
    for (const s of defaultCatalogue.services) {
      for (const d of s.documents) {
        expect(d.zh).not.toMatch(/\//);
        expect(d.en).not.toBe('');
        expect(documentLabel(d)).toBe(`${d.zh} / ${d.en}`);
      }
    }
  });

  it('drive-through: the rows the seed marks, and only simple services (docs/decisions/0002)', () => {
    const dt = servicesForChannel(defaultCatalogue, 'drive-through');
    for (const id of ['GEN-REISSUE-BILL', 'GEN-ADDRESS', 'GEN-CERT', 'GEN-ARREARS']) expect(dt.map((s) => s.id)).toContain(id);
    for (const s of dt) {
      expect(s.limitWithInspectionDays).toBeUndefined();
      expect(s.limit.basis === 'immediate' || (s.limit.basis === 'working' && s.limit.days <= 7)).toBe(true);
      expect(s.documents.length).toBeLessThanOrEqual(2);
    }
    expect(dt.map((s) => s.id)).not.toContain('LVIT-FAST');
    expect(servicesForChannel(defaultCatalogue, 'counter')).toHaveLength(SHIPPED_IDS.length);
    expect(servicesForChannel(defaultCatalogue, 'field-visit')).toHaveLength(SHIPPED_IDS.length);
  });

  it('every service yields a due date, with and without inspection', () => {
    for (const s of defaultCatalogue.services) {
      const due = computeDueDate('2026-11-27', s.limit, { inspectionDays: s.limitWithInspectionDays });
      expect(due >= '2026-11-27').toBe(true);
      if (s.limitWithInspectionDays !== undefined) {
        expect(computeDueDate('2026-11-27', s.limit, { inspection: true, inspectionDays: s.limitWithInspectionDays }) > due).toBe(true);
      }
    }
  });
});

describe('versions from the server', () => {
  it('parses a newer catalogue, ignoring fields it does not know', () => {
    const next = { ...structuredClone(serviceCatalogueData as object), version: '2027.1', publishedAt: '2027-03-01T09:00:00+08:00', futureField: 1 };
    const parsed = parseCatalogue(next);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.catalogue.version).toBe('2027.1');
      expect(isNewerCatalogue(parsed.catalogue, defaultCatalogue)).toBe(true);
      expect(isNewerCatalogue(defaultCatalogue, parsed.catalogue)).toBe(false);
      expect(parsed.catalogue).not.toHaveProperty('futureField');
    }
  });

  it('refuses broken catalogues with readable issues', () => {
    const dup = structuredClone(defaultCatalogue);
    dup.services.push(must(dup.services[0]));
    expect(parseCatalogue(dup)).toMatchObject({ ok: false });
    const badLimit = structuredClone(defaultCatalogue);
    must(badLimit.services[0]).limit = { days: 3, basis: 'immediate' };
    const r = parseCatalogue(badLimit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.join('\n')).toMatch(/services\.0\.limit/);
    expect(catalogueSchema.safeParse({ version: '', publishedAt: 'x', services: [], commonDocuments: {} }).success).toBe(false);
  });
});

describe('who handles and who decides', () => {
  it('names a handling unit and a decision level for every service', () => {
    for (const s of defaultCatalogue.services) {
      expect(['PROPERTY', 'CONSUMPTION', 'SERVICE', 'LEGAL']).toContain(handlingUnitOf(s));
      expect(['officer', 'chief', 'director']).toContain(decisionLevelOf(s));
      if (isSameDay(s)) expect(decisionLevelOf(s)).toBe('officer');
    }
    expect(handlingUnitOf(must(findService(defaultCatalogue, 'HT-LOW-INCOME')))).toBe('PROPERTY');
    expect(decisionLevelOf(must(findService(defaultCatalogue, 'HT-DISASTER')))).toBe('director');
  });

  it('routes a catalogue without units by its tax, and decides at the chief by default', () => {
    const { unit: _unit, decisionLevel: _level, ...old } = must(findService(defaultCatalogue, 'VLT-REFUND'));
    expect(handlingUnitOf(old)).toBe('CONSUMPTION');
    expect(decisionLevelOf(old)).toBe('chief');
    expect(handlingUnitOf({ ...old, taxType: '共通' })).toBe('SERVICE');
  });
});

describe('labels', () => {
  it('describes limits and flags unverified ones', () => {
    expect(describeLimit({ days: 0, basis: 'immediate' })).toEqual({ zh: '隨到隨辦', en: 'same day' });
    expect(describeLimit({ days: 7, basis: 'working' }).en).toBe('7 working days');
    expect(describeLimit({ days: 30, basis: 'calendar' }).en).toBe('30 calendar days');
    expect(limitFlag(must(findService(defaultCatalogue, 'VLT-REFUND')))?.zh).toContain('待確認');
    expect(limitFlag(must(findService(defaultCatalogue, 'LVT-RELIEF')))).toBeUndefined();
    expect(taxTypeLabel('地價稅')).toEqual({ zh: '地價稅', en: 'Land value tax' });
    for (const s of defaultCatalogue.services) expect(taxTypeLabel(s.taxType).en).not.toBe(s.taxType);
  });
});
