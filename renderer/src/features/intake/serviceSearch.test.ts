import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../../shared/domain/catalogue';
import { searchServices } from './serviceSearch';

const services = defaultCatalogue.services;
const ids = (query: string, usage: Record<string, number> = {}) => searchServices(services, query, usage).map((s) => s.id);

describe('searchServices', () => {
  it('matches any part of the Chinese name, the English name, the tax type and the id', () => {
    expect(ids('設籍')).toContain('HT-REGISTER');
    expect(ids('new or altered')).toEqual(['HT-REGISTER']);
    expect(ids('ht-reg')).toEqual(['HT-REGISTER']);
    const houseTaxServices = services.filter((s) => s.taxType === '房屋稅').map((s) => s.id);
    expect(houseTaxServices.length).toBeGreaterThan(1);
    expect(ids('房屋稅')).toEqual(expect.arrayContaining(houseTaxServices));
    expect(ids('house tax')).toEqual(expect.arrayContaining(houseTaxServices));
    expect(ids('house tax')).not.toContain('ST-LARGE-BILL');
  });

  it('needs every term, in any order and width', () => {
    expect(ids('印花稅 大額')).toEqual(['ST-LARGE-BILL']);
    expect(ids('ＨＴ－ＲＥＧＩＳＴＥＲ')).toEqual(['HT-REGISTER']);
    expect(ids('no such service')).toEqual([]);
  });

  it('lists the most used first, then in catalogue order', () => {
    const all = ids('');
    expect(all).toEqual(services.map((s) => s.id));
    const used = ids('', { 'GEN-ADDRESS': 3, 'ST-REFUND': 5 });
    expect(used.slice(0, 2)).toEqual(['ST-REFUND', 'GEN-ADDRESS']);
    expect(used.slice(2)).toEqual(all.filter((id) => id !== 'ST-REFUND' && id !== 'GEN-ADDRESS'));
  });
});
