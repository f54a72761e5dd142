/**
 * Timing as a clerk or an officer feels it: from the browser's own time stamp of a key or input event
 * to the frame that paints what it changed. The probe is armed before the action and read after it.
 */
import type { Page } from '@playwright/test';

/**
 * What the probe waits for; evaluated in the page (the app's CSP forbids eval, so no code strings).
 * `search`, `counted`: the case list's answer (its rows, its exact count) newer than `afterSeq`;
 * `lists`: every list in `ids` (a windowed list's data-testid) answered newer than its `after` and
 * painted rows or said none.
 */
export type ProbeDone =
  | { kind: 'value-ends'; id: string; text: string }
  | { kind: 'text-matches'; selector: string; pattern: string }
  | { kind: 'search'; afterSeq: number }
  | { kind: 'counted'; afterSeq: number }
  | { kind: 'lists'; ids: readonly string[]; after: readonly number[] };

/** Installs a one-shot probe: resolves with ms from the next matching event to the frame after `done` holds. */
export async function armProbe(page: Page, eventType: 'keydown' | 'input', done: ProbeDone): Promise<void> {
  await page.evaluate(
    ([type, until]) => {
      const w = window as unknown as { __probe?: Promise<number> };
      const answered = (scope: ParentNode, seq: HTMLElement | null | undefined, after: number): boolean =>
        Number(seq?.dataset.searchSeq) > after && (seq?.dataset.count === '0' || scope.querySelector('tbody tr[data-case-no]') !== null);
      const holds = (): boolean => {
        if (until.kind === 'value-ends') return (document.getElementById(until.id) as HTMLInputElement | null)?.value.endsWith(until.text) ?? false;
        if (until.kind === 'text-matches') return new RegExp(until.pattern).test(document.querySelector(until.selector)?.textContent ?? '');
        if (until.kind === 'lists') {
          return until.ids.every((id, i) => {
            const list = document.querySelector(`[data-testid=${id}]`);
            return list !== null && answered(list, list.querySelector<HTMLElement>('[data-search-seq]'), until.after[i] ?? 0);
          });
        }
        const count = document.querySelector<HTMLElement>('[data-testid=result-count]');
        if (until.kind === 'counted') return Number(count?.dataset.searchSeq) > until.afterSeq && (count?.dataset.count ?? '') !== '';
        return answered(document, count, until.afterSeq);
      };
      w.__probe = new Promise<number>((resolveProbe) => {
        const onEvent = (event: Event) => {
          window.removeEventListener(type, onEvent, true);
          const t0 = event.timeStamp;
          const poll = () => {
            if (holds()) {
              // The frame after the DOM changed is the one that paints it.
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolveProbe(performance.now() - t0);
                channel.port2.postMessage(null);
              });
            } else setTimeout(poll, 0);
          };
          poll();
        };
        window.addEventListener(type, onEvent, true);
      });
    },
    [eventType, done] as const,
  );
}

/** The armed probe's time in ms, once what it waits for has painted. */
export async function readProbe(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __probe?: Promise<number> }).__probe ?? Promise.resolve(Number.NaN));
}
