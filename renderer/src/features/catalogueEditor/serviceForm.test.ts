import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findService } from '../../../../shared/domain/catalogue';
import { translateBoth } from '../../lib/i18n';
import { blankForm, formOf, searchServices, serviceOf } from './serviceForm';

const service = findService(defaultCatalogue, 'LVT-SELF-USE');
if (!service) throw new Error('the built-in catalogue lost LVT-SELF-USE');

describe('a service as the editor form', () => {
  it('gives back the same service when nothing is changed, lists and all', () => {
    const withLists = { ...service, procedure: [{ zh: '收件', en: 'receive' }], qa: [{ id: 'who', q: { zh: '誰可申請？', en: 'Who?' }, a: { zh: '所有權人', en: 'The owner' } }] };
    expect(serviceOf(formOf(withLists), withLists)).toEqual({ ok: true, service: withLists });
  });

  it('reads an edited limit, documents one per line and a new Q&A entry', () => {
    const form = { ...formOf(service), limitDays: '20', documents: '申請書 | application form\n  \n建物謄本', qa: [{ id: 'q-1', qZh: '問', qEn: '', aZh: '答', aEn: 'answer' }] };
    const result = serviceOf(form, service);
    expect(result.ok && result.service.limit).toEqual({ days: 20, basis: 'working' });
    expect(result.ok && result.service.documents).toEqual([{ zh: '申請書', en: 'application form' }, { zh: '建物謄本', en: '' }]);
    expect(result.ok && result.service.qa).toEqual([{ id: 'q-1', q: { zh: '問', en: '' }, a: { zh: '答', en: 'answer' } }]);
  });

  it('puts each problem beside its field in both languages, and keeps what was typed', () => {
    const form = { ...blankForm(), id: 'bad id', limitDays: '3', limitBasis: 'immediate' as const, channels: [] };
    const result = serviceOf(form, undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['channels', 'id', 'limit', 'nameEn', 'nameZh', 'source', 'taxType']);
    expect(result.errors.limit).toEqual(translateBoth('catEdit.err.limit'));
    expect(form.id).toBe('bad id');
  });

  it('finds services by code, Chinese or English name', () => {
    expect(searchServices(defaultCatalogue.services, 'lvt-self').map((s) => s.id)).toEqual(['LVT-SELF-USE']);
    expect(searchServices(defaultCatalogue.services, '自用住宅').map((s) => s.id)).toContain('LVT-SELF-USE');
    expect(searchServices(defaultCatalogue.services, '')).toHaveLength(defaultCatalogue.services.length);
  });
});
