import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../../shared/domain/catalogue';
import { buildKnowledgeIndex, knowledgeIndexFor, searchKnowledge } from './knowledgeIndex';

const index = buildKnowledgeIndex(defaultCatalogue);

describe('searchKnowledge', () => {
  it('finds a service by a word that only its Q&A answer holds, in Chinese', () => {
    // "怠報金" (late-filing surcharge) is in the deed tax answers only.
    const hits = searchKnowledge(index, '怠報金');
    expect(hits).toContainEqual({ serviceId: 'DT-DECLARE', qaId: 'late' });
  });

  it('finds the same answer by its English words, case-insensitively', () => {
    expect(searchKnowledge(index, 'LATE-FILING surcharge')).toContainEqual({ serviceId: 'DT-DECLARE', qaId: 'late' });
  });

  it('matches full-width letters, digits and the ideographic space as half-width', () => {
    expect(searchKnowledge(index, 'ｃｏｎｔｒａｃｔ　３０')).toEqual(searchKnowledge(index, 'contract 30'));
    expect(searchKnowledge(index, '３０').length).toBeGreaterThan(0);
  });

  it('puts a service whose name matches before answers that mention it', () => {
    const hits = searchKnowledge(index, '契稅');
    expect(hits[0]).toEqual({ serviceId: 'DT-DECLARE' });
  });

  it('needs every term and answers nothing for an empty query', () => {
    expect(searchKnowledge(index, '怠報金 騎樓')).toEqual([]);
    expect(searchKnowledge(index, '   ')).toEqual([]);
  });

  it('builds the index once per catalogue version', () => {
    const first = knowledgeIndexFor(defaultCatalogue);
    expect(knowledgeIndexFor(defaultCatalogue)).toBe(first);
    expect(knowledgeIndexFor({ ...defaultCatalogue, version: 'next' })).not.toBe(first);
  });
});

describe('the shipped catalogue', () => {
  it('parses with every service carrying its three to eight procedure steps, a legal basis, fees and two to four Q&A entries', () => {
    for (const service of defaultCatalogue.services) {
      expect(service.procedure?.length, service.id).toBeGreaterThanOrEqual(3);
      expect(service.procedure?.length, service.id).toBeLessThanOrEqual(8);
      expect(service.legalBasis, service.id).toBeTruthy();
      expect(service.fees?.zh, service.id).toBeTruthy();
      expect(service.qa?.length, service.id).toBeGreaterThanOrEqual(2);
      expect(service.qa?.length, service.id).toBeLessThanOrEqual(4);
    }
  });
});
