import { describe, expect, it } from 'vitest';
import { ticketLayout } from './ticketLayout';
import type { PrintableTicket } from './issueKioskTicket';

const online: PrintableTicket = {
  ticketId: '6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f',
  number: 'A012',
  group: 'A',
  priority: null,
  // 14:05 in Taipei.
  issuedAt: '2026-12-07T06:05:00.000Z',
  ahead: 4,
  followUrl: 'https://queue.example.tw/t/6f1c1f2e-3d4b-4c5d-8e9f-0a1b2c3d4e5f?v=abcdefghijklmnopqrstuv',
  offline: false,
};

describe('the printed ticket', () => {
  it('says the number, the group, how many are ahead and the Taipei time, in both languages, with the phone page in its QR', () => {
    expect(ticketLayout(online)).toEqual({
      bureau: { zh: '基隆市稅務局', en: 'Keelung City Tax Bureau' },
      title: { zh: '號碼牌', en: 'Queue ticket' },
      number: 'A012',
      group: { zh: '地價稅・房屋稅', en: 'Land value tax and house tax' },
      priority: null,
      ahead: { zh: '前面還有 4 人', en: '4 ahead of you' },
      offline: null,
      issued: '115/12/07 14:05',
      hint: { zh: '掃描 QR Code 查看叫號進度', en: 'Scan the QR code to follow your turn' },
      followUrl: online.followUrl,
    });
  });

  it('names the priority reason', () => {
    expect(ticketLayout({ ...online, group: 'C', priority: 'senior' })).toMatchObject({
      group: { zh: '使用牌照稅', en: 'Vehicle license tax' },
      priority: { zh: '65歲以上長者', en: 'Senior (65+)' },
    });
  });

  it('says a ticket was printed offline instead of a count the kiosk cannot know', () => {
    const layout = ticketLayout({ ...online, number: 'A2-007', ahead: null, offline: true });
    expect(layout.number).toBe('A2-007');
    expect(layout.ahead).toBeNull();
    expect(layout.offline).toEqual({ zh: '本號碼於網路中斷時發出，依取號時間叫號', en: 'Issued while the network was down; called in order of issue time' });
  });
});
