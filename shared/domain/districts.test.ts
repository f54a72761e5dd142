import { describe, expect, it } from 'vitest';
import { identityVectors } from './fixtures/identityVectors';
import { districtByName, districtByZip, keelungDistricts } from './districts';

describe('Keelung districts', () => {
  it('are the published seven', () => {
    expect(keelungDistricts).toEqual(identityVectors.keelungDistricts);
  });
  it('are found by postcode or name', () => {
    expect(districtByZip('200')?.name).toBe('仁愛區');
    expect(districtByZip('20643')?.name).toBe('七堵區');
    expect(districtByZip('100')).toBeUndefined();
    expect(districtByName('暖暖')?.zip).toBe('205');
    expect(districtByName('基隆市安樂區')?.zip).toBe('204');
    expect(districtByName('zhongzheng district')?.zip).toBe('202');
    expect(districtByName('大安區')).toBeUndefined();
  });
});
