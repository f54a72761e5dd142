import { describe, expect, it } from 'vitest';
import { channelRefusal, opensBureauCases } from './intakeChannel';

describe('who takes a case in through which channel', () => {
  it('leaves bureau-initiated cases to officers and supervisors', () => {
    expect(opensBureauCases(['officer'])).toBe(true);
    expect(opensBureauCases(['supervisor'])).toBe(true);
    expect(opensBureauCases(['clerk', 'field-staff'])).toBe(false);
    expect(channelRefusal({ channel: 'bureau' }, ['clerk'])?.code).toBe('channel_not_allowed');
    expect(channelRefusal({ channel: 'bureau' }, ['officer'])).toBeUndefined();
  });

  it('asks a referral for its referrer, and nothing of the other channels', () => {
    expect(channelRefusal({ channel: 'referral' }, ['clerk'])?.code).toBe('invalid_value');
    expect(channelRefusal({ channel: 'referral', referrer: { name: '林里長', village: '仁愛里' } }, ['clerk'])).toBeUndefined();
    for (const channel of ['counter', 'phone', 'drive-through', 'field-visit'] as const) expect(channelRefusal({ channel }, ['clerk'])).toBeUndefined();
  });
});
