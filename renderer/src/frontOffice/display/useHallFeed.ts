import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { displayCallSchema, displaySnapshotSchema, type DisplayCall } from '../../../../shared/schemas/ticketQueue';
import { apiRequest } from '../../sync/api';
import { emptyHall, withCall, withSnapshot, withWaiting, type HallState } from './hallState';

const EVENTS_PATH = '/v1/queue/display/events';
const SNAPSHOT_PATH = '/v1/queue/display';
/** The stream carries calls; new tickets change only the waiting counts, read again this often and after each call. */
const WAITING_REFRESH_MS = 20_000;
/** After a call, once the burst of a counter's actions has passed. */
const AFTER_CALL_MS = 500;
/** After the server refused the stream outright (EventSource gives up then), open a new one this much later. */
const REOPEN_MS = 5_000;

function parseEvent<S extends z.ZodType>(schema: S, event: Event): z.infer<S> | undefined {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(event.data));
    if (parsed.success) return parsed.data;
    console.warn('display: an event does not match its schema', parsed.error.message);
  } catch {
    console.warn('display: an event is not JSON');
  }
  return undefined;
}

/**
 * The hall's state from the server's event stream. EventSource reconnects by itself and sends the
 * last call's id (Last-Event-ID), so the server replays what was missed; `onFreshCall` hears each call
 * once. `connected` is false while the stream is down.
 */
export function useHallFeed(origin: string, onFreshCall: (call: DisplayCall) => void): { hall: HallState; connected: boolean } {
  const [hall, setHall] = useState<HallState>(emptyHall);
  const [connected, setConnected] = useState(false);
  const hallRef = useRef(hall);
  const onFreshRef = useRef(onFreshCall);
  useEffect(() => {
    onFreshRef.current = onFreshCall;
  }, [onFreshCall]);

  useEffect(() => {
    const update = (next: HallState) => {
      hallRef.current = next;
      setHall(next);
    };
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let afterCall: ReturnType<typeof setTimeout> | undefined;
    const refreshWaiting = () => {
      apiRequest({ serverUrl: origin }, 'GET', SNAPSHOT_PATH, displaySnapshotSchema)
        .then((snapshot) => update(withWaiting(hallRef.current, snapshot.waiting)))
        // The stream's state says when the server is away; the counts wait for the next read.
        .catch(() => undefined);
    };
    const open = () => {
      source = new EventSource(new URL(EVENTS_PATH, origin));
      source.addEventListener('snapshot', (event) => {
        const snapshot = parseEvent(displaySnapshotSchema, event);
        if (!snapshot) return;
        update(withSnapshot(snapshot));
        setConnected(true);
      });
      source.addEventListener('call', (event) => {
        const call = parseEvent(displayCallSchema, event);
        if (!call) return;
        const next = withCall(hallRef.current, call);
        update(next.state);
        if (!next.fresh) return;
        onFreshRef.current(call);
        clearTimeout(afterCall);
        afterCall = setTimeout(refreshWaiting, AFTER_CALL_MS);
      });
      source.addEventListener('error', () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
    };
    open();
    const refresh = setInterval(refreshWaiting, WAITING_REFRESH_MS);
    return () => {
      source?.close();
      clearTimeout(reopen);
      clearTimeout(afterCall);
      clearInterval(refresh);
    };
  }, [origin]);

  return { hall, connected };
}
