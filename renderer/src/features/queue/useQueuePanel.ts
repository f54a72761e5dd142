import { useCallback, useEffect, useRef, useState } from 'react';
import type { PriorityReason, QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { Ticket } from '../../../../shared/schemas/ticketQueue';
import { useDescribeError } from '../../lib/errorText';
import { useCounterQueue, type QueueAction } from '../../state/counterQueue';
import { useSession } from '../../state/sessionState';
import { ApiError, type ApiOptions } from '../../sync/api';
import { isQueueUnreachable, ticketToAttach } from './counterQueueModel';
import { actOnTicket, callNext, fetchCounterQueue, issuePriorityTicket, transferTicket } from './queueApi';

/** How often the panel asks the server while it is on screen: a few seconds keeps the counts honest. */
export const QUEUE_REFRESH_MS = 5_000;

const store = useCounterQueue;

/** What came of an action: done, not started (busy, or the clerk warned first), the counter named refused (said by the dialog), failed (said in the note). */
export type RunOutcome = 'done' | 'skipped' | 'station-refused' | 'failed';

/** The server refused the counter a transfer named (not an enrolled station, or this one): said beside the field. */
function refusesStation(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'validation_failed' && (error.facts.issues ?? []).some((issue) => issue.path === 'stationCode');
}

/** What the panel asks of the intake before it leaves the ticket it is open with. */
export interface LeaveGuard {
  /** The ticket's number when its intake holds something typed and not saved. */
  unsavedTicket: () => Promise<string | undefined>;
  /** The key of an action, to say "press it again". */
  keyOf: (action: QueueAction) => string;
}

/** The panel's line under the buttons: what happened, in the table's words. */
export type PanelNote =
  | { kind: 'called'; number: string }
  | { kind: 'none-waiting' }
  | { kind: 'done'; action: QueueAction; number: string }
  | { kind: 'unsaved'; number: string; key: string }
  | { kind: 'error'; text: string };

/** The actions after which the intake no longer holds its ticket. */
const leavesTicket: ReadonlySet<QueueAction> = new Set(['call', 'no-show', 'finish', 'transfer', 'priority']);

/** Another person at this station starts from the server's view, not from the last person's ticket. */
function startFor(owner: string): void {
  if (store.getState().owner !== owner) store.setState({ owner, queue: undefined, reach: 'unknown', attached: undefined, savedCases: {}, busy: undefined });
}

async function refresh(api: ApiOptions): Promise<void> {
  try {
    const queue = await fetchCounterQueue(api);
    store.setState((state) => ({ queue, reach: 'online', attached: ticketToAttach(queue, state.attached) }));
  } catch (error) {
    if (!isQueueUnreachable(error, true)) throw error;
    store.setState({ reach: 'unreachable' });
  }
}

/** Asks the server now and then every few seconds while the panel is shown and the window visible. */
function usePolling(api: ApiOptions, owner: string, onError: (error: unknown) => void): void {
  const latest = useRef({ api, onError });
  useEffect(() => {
    latest.current = { api, onError };
  });
  useEffect(() => {
    startFor(owner);
    let stopped = false;
    const tick = () => {
      if (!stopped && document.visibilityState !== 'hidden') void refresh(latest.current.api).catch(latest.current.onError);
    };
    tick();
    const timer = setInterval(tick, QUEUE_REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [owner]);
}

// What an action answered is shown at once; the read that follows confirms it.
function called(ticket: Ticket | null): PanelNote {
  store.setState((state) => ({ attached: ticket ?? undefined, ...(state.queue ? { queue: { ...state.queue, current: ticket } } : {}) }));
  return ticket ? { kind: 'called', number: ticket.number } : { kind: 'none-waiting' };
}

/** The served ticket is done with at this counter: the intake leaves it. */
function released(action: QueueAction, ticket: Ticket): PanelNote {
  store.setState((state) => ({
    ...(state.attached?.id === ticket.id ? { attached: undefined } : {}),
    ...(state.queue?.current?.id === ticket.id ? { queue: { ...state.queue, current: null } } : {}),
  }));
  return { kind: 'done', action, number: ticket.number };
}

/**
 * The counter's queue: the server's view kept fresh, and the clerk's actions — call next, recall,
 * no-show, finish, transfer, 免抽號 — each shown in progress while the server answers. A queue that
 * cannot be reached is said so and never stops an intake: the case is then saved without a ticket.
 */
export function useQueuePanel(api: ApiOptions, guard: LeaveGuard) {
  const describeError = useDescribeError();
  const username = useSession((s) => s.session?.user.username ?? '');
  const [note, setNote] = useState<PanelNote>();
  // The ticket whose unsaved intake the clerk was warned of: the same key again goes ahead.
  const warned = useRef<string>(undefined);
  const onError = useCallback((error: unknown) => setNote({ kind: 'error', text: describeError(error) }), [describeError]);
  usePolling(api, username, onError);

  /** Runs one action with its progress; the panel is read again after it, whatever came of it. */
  async function run(action: QueueAction, work: () => Promise<PanelNote | undefined>): Promise<RunOutcome> {
    if (store.getState().busy) return 'skipped';
    if (leavesTicket.has(action) && !(await mayLeave(action))) return 'skipped';
    store.setState({ busy: action });
    setNote(undefined);
    let outcome: RunOutcome = 'done';
    try {
      setNote(await work());
    } catch (error) {
      outcome = refusesStation(error) ? 'station-refused' : 'failed';
      if (isQueueUnreachable(error)) store.setState({ reach: 'unreachable' });
      else if (outcome === 'failed') onError(error);
    } finally {
      store.setState({ busy: undefined });
      await refresh(api).catch(onError);
    }
    return outcome;
  }

  /** An intake with something typed in is not left at the first press: the clerk is told, and a second press leaves it. */
  async function mayLeave(action: QueueAction): Promise<boolean> {
    const number = await guard.unsavedTicket();
    if (number === undefined || warned.current === `${number}:${action}`) return true;
    warned.current = `${number}:${action}`;
    setNote({ kind: 'unsaved', number, key: guard.keyOf(action) });
    return false;
  }

  return {
    note,
    callNext: () => run('call', async () => called(await callNext(api))),
    recall: (ticket: Ticket) => run('recall', async () => ({ kind: 'done', action: 'recall', number: (await actOnTicket(api, ticket.id, 'recall')).number })),
    noShow: (ticket: Ticket) => run('no-show', async () => released('no-show', await actOnTicket(api, ticket.id, 'no-show'))),
    finish: (ticket: Ticket, stillCalled: boolean) =>
      run('finish', async () => {
        // A ticket its case already finished on the server is only let go of here.
        if (!stillCalled) return released('finish', ticket);
        const firstCase = store.getState().savedCases[ticket.id]?.[0];
        return released('finish', await actOnTicket(api, ticket.id, 'finish', firstCase?.id));
      }),
    transfer: (ticket: Ticket, to: { group: QueueGroupCode } | { stationCode: string }) => run('transfer', async () => released('transfer', await transferTicket(api, ticket.id, to))),
    priority: (group: QueueGroupCode, reason: PriorityReason) => run('priority', async () => called((await issuePriorityTicket(api, group, reason)).ticket)),
  };
}

/** A case was saved with the ticket: the panel names it, and "finish" passes it to the server. */
export function noteCaseSaved(ticketId: string, saved: { id: string; caseNo: string }): void {
  store.setState((state) => ({ savedCases: { ...state.savedCases, [ticketId]: [...(state.savedCases[ticketId] ?? []), saved] } }));
}
