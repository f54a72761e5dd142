/**
 * The front office's queue groups (號碼群組): what a citizen picks at the ticket kiosk. Each groups the
 * catalogue's services by tax (the counters are staffed by tax), and its letter starts the ticket
 * number (A012). The drive-through lane's cars queue in their own group, by plate.
 * Priority (愛心櫃台, 免抽號優先) is a mark on a ticket, not a group: a priority ticket of a group is
 * called before that group's other tickets.
 */
import { z } from 'zod';
import type { Catalogue, Service } from './catalogue';

export const queueGroupCodes = ['A', 'B', 'C', 'D', 'L'] as const;
export const queueGroupCodeSchema = z.enum(queueGroupCodes);
export type QueueGroupCode = z.infer<typeof queueGroupCodeSchema>;

export interface QueueGroup {
  code: QueueGroupCode;
  zh: string;
  en: string;
  /** The catalogue's tax types served in this group; the lane's group takes cars, not services. */
  taxTypes: readonly string[];
  /** Shown at the kiosk; the lane's cars are registered by the lane clerk. */
  atKiosk: boolean;
}

export const queueGroups: readonly QueueGroup[] = [
  { code: 'A', zh: '地價稅・房屋稅', en: 'Land value tax and house tax', taxTypes: ['地價稅', '房屋稅'], atKiosk: true },
  { code: 'B', zh: '土地增值稅・契稅', en: 'Land value increment tax and deed tax', taxTypes: ['土地增值稅', '契稅'], atKiosk: true },
  { code: 'C', zh: '使用牌照稅', en: 'Vehicle license tax', taxTypes: ['使用牌照稅'], atKiosk: true },
  { code: 'D', zh: '娛樂稅・印花稅・綜合服務', en: 'Amusement tax, stamp tax and general services', taxTypes: ['娛樂稅', '印花稅', '共通'], atKiosk: true },
  { code: 'L', zh: '免下車服務', en: 'Drive-through lane', taxTypes: [], atKiosk: false },
];

export function queueGroupOf(code: QueueGroupCode): QueueGroup {
  const group = queueGroups.find((g) => g.code === code);
  if (!group) throw new Error(`unknown queue group ${code}`);
  return group;
}

/** The group a service's tickets are called in; a tax type no group names falls to the general group D. */
export function queueGroupOfService(service: Pick<Service, 'taxType'>): QueueGroupCode {
  return queueGroups.find((g) => g.taxTypes.includes(service.taxType))?.code ?? 'D';
}

/** The services a group's ticket may open at the counter (the intake's service list, filtered). */
export function servicesOfGroup(catalogue: Catalogue, code: QueueGroupCode): Service[] {
  return catalogue.services.filter((s) => queueGroupOfService(s) === code && s.channels.includes(code === 'L' ? 'drive-through' : 'counter'));
}

/** Why a ticket is served first; each is one tap at the kiosk. */
export const priorityReasons = ['senior', 'disability', 'pregnancy', 'infant'] as const;
export const priorityReasonSchema = z.enum(priorityReasons);
export type PriorityReason = z.infer<typeof priorityReasonSchema>;

/**
 * Ticket numbers. The server numbers a group's tickets of the day 1, 2, 3 … → "A001". A kiosk that
 * cannot reach the server numbers from its own series, "A" + its kiosk number + "-" + its sequence
 * ("A2-007"), so that a number issued offline can never be one the server issues: the two shapes differ.
 */
export function onlineTicketNumber(group: QueueGroupCode, seq: number): string {
  return `${group}${String(seq).padStart(3, '0')}`;
}

export function offlineTicketNumber(group: QueueGroupCode, kioskNo: number, seq: number): string {
  return `${group}${kioskNo}-${String(seq).padStart(3, '0')}`;
}

export const ticketNumberSchema = z.string().regex(/^[A-Z](\d{3,5}|[1-9]-\d{3,5})$/, 'a ticket number is a group letter and digits (A012, or A2-007 from a kiosk offline)');
