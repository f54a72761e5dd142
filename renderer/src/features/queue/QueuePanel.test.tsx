import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import type { QueueAction } from '../../state/counterQueue';
import { availableActions, servingView, waitingLines, type PanelActionName } from './counterQueueModel';
import { QUEUE_KEYS } from './QueuePanel';
import { QueuePanelView } from './QueuePanelView';
import type { PanelNote } from './useQueuePanel';

const called: Ticket = {
  id: '0190f0e0-0000-7000-8000-0000000000a1',
  officeDay: '2026-12-07',
  number: 'A012',
  group: 'A',
  priority: 'senior',
  source: 'kiosk',
  status: 'called',
  issuedAt: '2026-12-07T01:50:00.000Z',
  calledAt: '2026-12-07T01:58:00.000Z',
  finishedAt: null,
  counter: '3號櫃台',
  recalls: 1,
  plate: null,
  caseId: null,
};
const counter = { stationCode: 'KL01', label: '3號櫃台', groups: ['A' as const, 'B' as const] };
const noop = () => undefined;

interface Shown {
  current?: Ticket | null;
  attached?: Ticket;
  saved?: Record<string, { id: string; caseNo: string }[]>;
  reach?: 'unknown' | 'online' | 'unreachable';
  busy?: QueueAction;
  note?: PanelNote;
}

/** The panel as the counter sees it in this state, with the actions the panel's rule leaves possible. */
function panel({ current = null, attached, saved = {}, reach = 'online', busy, note }: Shown): { html: string; enabled: PanelActionName[] } {
  const queue = { day: '2026-12-07', counter, current, waiting: [{ group: 'A' as const, count: 4, priority: 1 }] };
  const serving = servingView(queue, attached, saved);
  const available = availableActions(serving, reach, busy === undefined);
  const handlers = Object.fromEntries((Object.keys(QUEUE_KEYS) as PanelActionName[]).map((name) => [name, available.has(name) ? noop : undefined])) as Record<PanelActionName, (() => void) | undefined>;
  const html = renderToStaticMarkup(createElement(QueuePanelView, { label: reach === 'unreachable' ? undefined : counter.label, reach, lines: waitingLines(queue), serving, keys: QUEUE_KEYS, handlers, busy, note }));
  return { html, enabled: [...available] };
}

/** The keys of the buttons that are not disabled, in the panel's order. */
const enabledKeys = (html: string) => [...html.matchAll(/<button[^>]*aria-keyshortcuts="(F\d)"[^>]*>/g)].filter((m) => !m[0].includes('disabled')).map((m) => m[1]);

describe('the counter’s queue panel', () => {
  it('shows the counter, its groups’ waiting counts and the ticket served, with every action on its key', () => {
    const { html, enabled } = panel({ current: called, attached: called });
    expect(html).toContain('3號櫃台');
    expect(html).toMatch(/data-group="A" data-count="4"/);
    expect(html).toMatch(/data-group="B" data-count="0"/);
    expect(html).toContain('（優先 1）');
    expect(html).toMatch(/data-number="A012" data-status="called"/);
    expect(html).toContain('優先：長者');
    expect(html).toContain('等候 8 分鐘');
    expect(enabled).toEqual(['call', 'recall', 'noShow', 'finish', 'transfer', 'priority']);
    expect(enabledKeys(html)).toEqual(['F2', 'F3', 'F4', 'F6', 'F7', 'F8']);
  });

  it('offers only calling and 免抽號 with nothing served, nothing while an action runs, and shows it under way', () => {
    expect(panel({}).enabled).toEqual(['call', 'priority']);
    const busy = panel({ current: called, busy: 'call' });
    expect(busy.enabled).toEqual([]);
    expect(busy.html).toContain('叫號中…');
    expect(enabledKeys(busy.html)).toEqual([]);
  });

  it('says in both languages that the queue cannot be reached, and offers no 免抽號', () => {
    const { html, enabled } = panel({ reach: 'unreachable' });
    expect(html).toContain('排隊叫號系統無法連線：仍可照常受理，本案不記錄號碼');
    expect(html).toContain('The queue system cannot be reached: cases are taken in as usual, without a ticket number');
    expect(enabled).toEqual(['call']);
  });

  it('keeps a ticket its case finished, named with its case, until the clerk lets it go', () => {
    const { html, enabled } = panel({ attached: called, saved: { [called.id]: [{ id: 'c1', caseNo: '115-KL01-000012-X' }] } });
    expect(html).toMatch(/data-number="A012" data-status="done"/);
    expect(html).toContain('已收案 115-KL01-000012-X');
    expect(enabled).toEqual(['call', 'finish', 'priority']);
  });

  it('tells the clerk of an unsaved intake before leaving its ticket, and what came of an action', () => {
    expect(panel({ current: called, note: { kind: 'unsaved', number: 'A012', key: 'F2' } }).html).toContain('A012 的案件尚未儲存：請先儲存（Alt+S），或再按一次 F2 放棄');
    expect(panel({ note: { kind: 'none-waiting' } }).html).toContain('目前沒有人等候');
    expect(panel({ note: { kind: 'done', action: 'no-show', number: 'A011' } }).html).toContain('A011 未到，已過號');
  });
});
