/**
 * Named people pushing through the real push route, for the desk's tests: each person pushes from a
 * client of their own whose mutation ids run on, as a device's outbox does, and a test reads back what
 * the server stored.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord, CaseStatus } from '../../../shared/schemas/case';
import type { CaseAction } from '../../../shared/schemas/caseDesk';
import type { MutationResult, ServerCase } from '../../../shared/sync/protocol';
import { findCaseById } from '../store/caseStore';
import type { TestServer } from './testServer';

export interface DeskMutation {
  name: string;
  args: unknown;
}

export const createCaseOf = (record: CaseRecord): DeskMutation => ({ name: 'createCase', args: { case: record } });
export const caseActionOf = (caseId: string, step: CaseAction): DeskMutation => ({ name: 'caseAction', args: { caseId, step } });
export const transitionOf = (caseId: string, to: CaseStatus, reason?: string): DeskMutation => ({ name: 'transition', args: { caseId, to, ...(reason ? { reason } : {}) } });

/** 'applied' or 'duplicate', or the rejection's code. */
export function outcomeOf(result: MutationResult | undefined): string | undefined {
  return result?.status === 'rejected' ? result.code : result?.status;
}

export interface DeskClient {
  /** Signs `username` in (again, after the clock moved); later pushes as `username` use the session. */
  signIn(username: string, password: string): Promise<void>;
  /** One push of `mutations` as `who`, numbered on from that person's last one. */
  push(who: string, mutations: readonly DeskMutation[]): Promise<MutationResult[]>;
  /** The last `count` mutations `who` pushed, pushed again with their ids (an answer that was lost). */
  replay(who: string, count: number): Promise<MutationResult[]>;
  /** One step as `who`: 'applied', or the code it was refused with. */
  step(who: string, caseId: string, step: CaseAction): Promise<string | undefined>;
  /** The case as the server holds it. */
  stored(caseId: string): Promise<ServerCase>;
}

export function deskClient(server: TestServer): DeskClient {
  const tokens = new Map<string, string>();
  const clients = new Map<string, { id: string; sent: Array<DeskMutation & { id: number; createdAt: string }> }>();
  const send = async (who: string, clientId: string, mutations: ReadonlyArray<DeskMutation & { id: number }>) => {
    const token = tokens.get(who);
    if (!token) throw new Error(`${who} has not signed in`);
    return (await server.push(token, clientId, mutations)).results;
  };
  const client: DeskClient = {
    async signIn(username, password) {
      tokens.set(username, await server.signIn({ username, password }));
    },
    async push(who, mutations) {
      const own = clients.get(who) ?? { id: randomUUID(), sent: [] };
      clients.set(who, own);
      const numbered = mutations.map((mutation, index) => ({ ...mutation, id: own.sent.length + index + 1, createdAt: server.clock.now().toISOString() }));
      own.sent.push(...numbered);
      return send(who, own.id, numbered);
    },
    async replay(who, count) {
      const own = clients.get(who);
      if (!own) throw new Error(`${who} has pushed nothing`);
      return send(who, own.id, own.sent.slice(-count));
    },
    async step(who, caseId, step) {
      const [result] = await client.push(who, [caseActionOf(caseId, step)]);
      return outcomeOf(result);
    },
    async stored(caseId) {
      const found = await findCaseById(server.db, caseId);
      if (!found) throw new Error(`case ${caseId} is not on the server`);
      return found.record;
    },
  };
  return client;
}
