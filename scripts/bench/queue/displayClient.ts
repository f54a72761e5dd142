/**
 * The hall display as the bench sees it: one connection to `GET /v1/queue/display/events`, read for
 * the whole run, noting when each ticket's `call` event arrives (recalls aside). Events are parsed as
 * the browser's EventSource would: blocks separated by a blank line, `event:` and `data:` fields,
 * comment lines (the heartbeat) ignored.
 */
import { displayCallSchema, displaySnapshotSchema } from '../../../shared/schemas/ticketQueue';

export interface DisplayClient {
  /** Each called number → when its `call` event arrived (performance.now() of this thread). */
  readonly arrivals: ReadonlyMap<string, number>;
  /** The numbers of every `call` event, recalls aside, in arrival order (a repeat would show here twice). */
  readonly numbers: readonly string[];
  /** Resolves once `count` distinct calls have arrived, or after `withinMs` whatever came. */
  waitForCalls(count: number, withinMs: number): Promise<void>;
  close(): Promise<void>;
}

function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
  }
  return fields;
}

/** Connects and resolves once the stream's `snapshot` has arrived, so no call made after is missed. */
export async function connectDisplay(url: string): Promise<DisplayClient> {
  const abort = new AbortController();
  const response = await fetch(new URL('/v1/queue/display/events', url), { signal: abort.signal });
  const reader = response.body?.getReader();
  if (!response.ok || !reader) throw new Error(`the display stream answered HTTP ${response.status}`);
  const arrivals = new Map<string, number>();
  const numbers: string[] = [];
  let onSnapshot: () => void = () => undefined;
  const snapshot = new Promise<void>((resolve) => (onSnapshot = resolve));
  const handle = (block: string) => {
    const fields = fieldsOf(block);
    const data = fields.get('data');
    if (fields.get('event') === 'snapshot' && data) {
      displaySnapshotSchema.parse(JSON.parse(data));
      onSnapshot();
    } else if (fields.get('event') === 'call' && data) {
      const call = displayCallSchema.parse(JSON.parse(data));
      if (call.recall) return;
      numbers.push(call.number);
      if (!arrivals.has(call.number)) arrivals.set(call.number, performance.now());
    }
  };
  const reading = (async () => {
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += decoder.decode(chunk.value, { stream: true });
        const blocks = text.split('\n\n');
        text = blocks.pop() ?? '';
        blocks.forEach(handle);
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  })();
  await Promise.race([snapshot, reading.then(() => Promise.reject(new Error('the display stream ended before its snapshot')))]);
  return {
    arrivals,
    numbers,
    async waitForCalls(count, withinMs) {
      const deadline = performance.now() + withinMs;
      while (arrivals.size < count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}
