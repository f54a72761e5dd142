/**
 * For the demo: one office day of the hall made up the same way every time (the day itself seeds
 * the random numbers), so the demo supervisor's front office report has figures that do not change
 * between restarts. Busier at 9–11 and 14–15, where the waits are longer; priority tickets are
 * mostly called within five minutes; a few citizens do not come when called.
 */
import { createHash } from 'node:crypto';
import { priorityReasons } from '../../../shared/domain/queueGroups';
import type { QueueGroupCode } from '../../../shared/domain/queueGroups';
import { onlineTicketNumber } from '../../../shared/domain/queueGroups';
import { toDayNumber } from '../../../shared/domain/isoDate';
import type { SeededTicket } from './seedFrontOffice';
import { seededRandom } from '../../../shared/domain/seededRandom';


/** A fixed UUID (version 4's shape) for a name, so a seeded row is recognised on the next start. */
export function demoUuid(name: string): string {
  const hex = createHash('sha256').update(`counterdesk-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** The demo hall's counters: station, label, the groups it calls, who sits there. */
export const demoCounters = [
  { station: 'KL01', label: '1號櫃台', groups: ['A', 'B'], clerk: 'clerk' },
  { station: 'KL02', label: '2號櫃台', groups: ['C', 'D'], clerk: 'supervisor' },
  { station: 'KL03', label: '3號櫃台', groups: ['A', 'B', 'C', 'D'], clerk: 'clerk' },
  { station: 'KL05', label: '愛心櫃台', groups: ['A', 'B', 'C', 'D'], clerk: 'supervisor' },
  { station: 'KL04', label: '免下車', groups: ['L'], clerk: 'clerk' },
] as const;

/** Tickets per opening hour (08:00 … 16:00), and the usual wait in minutes then. */
const hours = [
  { hour: 8, tickets: 5, wait: 4 },
  { hour: 9, tickets: 13, wait: 12 },
  { hour: 10, tickets: 14, wait: 15 },
  { hour: 11, tickets: 9, wait: 9 },
  { hour: 12, tickets: 4, wait: 5 },
  { hour: 13, tickets: 8, wait: 7 },
  { hour: 14, tickets: 12, wait: 13 },
  { hour: 15, tickets: 9, wait: 8 },
  { hour: 16, tickets: 5, wait: 4 },
] as const;
const groupMix: readonly QueueGroupCode[] = ['A', 'A', 'A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'L'];

const instant = (day: string, hour: number, minutes: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + (hour * 60 + minutes) * 60_000).toISOString();

function counterFor(random: () => number, group: QueueGroupCode, priority: boolean) {
  if (group === 'L') return demoCounters[4];
  if (priority) return demoCounters[3];
  return random() < 0.35 ? demoCounters[2] : group === 'A' || group === 'B' ? demoCounters[0] : demoCounters[1];
}

/** The tickets of one office day, all finished (done or no-show). */
export function demoQueueDay(day: string): SeededTicket[] {
  const random = seededRandom(toDayNumber(day));
  const numbers = new Map<QueueGroupCode, number>();
  const tickets: SeededTicket[] = [];
  for (const slot of hours) {
    const count = Math.round(slot.tickets * (0.8 + random() * 0.4));
    for (let i = 0; i < count; i += 1) {
      const group = pick(random, groupMix);
      const priority = group !== 'L' && random() < 0.08;
      const issuedMinute = slot.hour === 8 ? 30 + random() * 30 : random() * 60;
      const wait = priority ? 0.5 + random() * 5.5 : slot.wait * (0.3 + random() * 1.4);
      const service = group === 'L' ? 2 + random() * 4 : 3 + random() * 12;
      const noShow = random() < 0.04;
      const sequence = (numbers.get(group) ?? 0) + 1;
      numbers.set(group, sequence);
      const counter = counterFor(random, group, priority);
      tickets.push({
        id: demoUuid(`ticket:${day}:${group}${sequence}`),
        officeDay: day,
        number: onlineTicketNumber(group, sequence),
        group,
        ...(priority ? { priority: pick(random, priorityReasons) } : {}),
        source: group === 'L' ? 'lane' : 'kiosk',
        issuedBy: group === 'L' ? 'demo-counter-01' : 'demo-kiosk-01',
        status: noShow ? 'no-show' : 'done',
        issuedAt: instant(day, slot.hour, issuedMinute),
        calledAt: instant(day, slot.hour, issuedMinute + wait),
        finishedAt: instant(day, slot.hour, issuedMinute + wait + (noShow ? 3 : service)),
        called: { station: counter.station, label: counter.label, by: counter.clerk },
      });
    }
  }
  return tickets;
}
