/**
 * Timing as a clerk feels it: from the browser's own time stamp of a key or input event to the frame
 * that paints what it changed. The probe is armed before the action and read after it.
 */
import type { Page } from '@playwright/test';

/** What the probe waits for; evaluated in the page (the app's CSP forbids eval, so no code strings). */
export type ProbeDone =
  | { kind: 'value-ends'; id: string; text: string }
  | { kind: 'text-matches'; id: string; pattern: string }
  | { kind: 'search'; afterSeq: number }
  | { kind: 'counted'; afterSeq: number };

/** Installs a one-shot probe: resolves with ms from the next matching event to the frame after `done` holds. */
export async function armProbe(page: Page, eventType: 'keydown' | 'input', done: ProbeDone): Promise<void> {
  await page.evaluate(
    ([type, until]) => {
      const w = window as unknown as { __probe?: Promise<number> };
      const holds = (): boolean => {
        if (until.kind === 'value-ends') return (document.getElementById(until.id) as HTMLInputElement | null)?.value.endsWith(until.text) ?? false;
        if (until.kind === 'text-matches') return new RegExp(until.pattern).test(document.getElementById(until.id)?.textContent ?? '');
        const count = document.querySelector<HTMLElement>('[data-testid=result-count]');
        if (until.kind === 'counted') return Number(count?.dataset.searchSeq) > until.afterSeq && (count?.dataset.count ?? '') !== '';
        return Number(count?.dataset.searchSeq) > until.afterSeq && (count?.dataset.count === '0' || document.querySelector('tbody tr[data-case-no]') !== null);
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
