import { describe, expect, it } from 'vitest';
import type { IpcResponse, IpcResult } from '../../../../shared/ipc/contract';
import { releaseScans, stagedScanOf, takeScans } from './takeScans';

type Answer = IpcResult<IpcResponse<'files:take-scanned'>>;

function hostAnswering(answers: Answer[]) {
  let calls = 0;
  return {
    calls: () => calls,
    'files:take-scanned': async (): Promise<Answer> => {
      calls += 1;
      return answers.shift() ?? { ok: true, value: { refused: [], remaining: 0 } };
    },
  };
}

const scan = (name: string, text: string) => ({ name, staged: `staged-${name}`, modifiedAt: '2026-11-27T08:00:00.000Z', bytes: new TextEncoder().encode(text) });

describe('taking the scan folder’s finished files', () => {
  it('takes one file per call until none remain, as Files with their names, bytes and times', async () => {
    const host = hostAnswering([
      { ok: true, value: { file: scan('scan0001.pdf', '%PDF-1 one'), refused: [], remaining: 1 } },
      { ok: true, value: { file: scan('scan0002.jpg', 'two'), refused: [{ name: 'huge.pdf', size: 60_000_000, reason: 'too_large' }], remaining: 0 } },
      { ok: true, value: { file: scan('never.pdf', 'not asked for'), refused: [], remaining: 0 } },
    ]);
    const progress: number[] = [];
    const taken = await takeScans(host, (count) => progress.push(count));
    expect(host.calls()).toBe(2);
    expect(taken.files.map((file) => file.name)).toEqual(['scan0001.pdf', 'scan0002.jpg']);
    expect(await taken.files[0]?.text()).toBe('%PDF-1 one');
    expect(taken.files[0]?.lastModified).toBe(Date.parse('2026-11-27T08:00:00.000Z'));
    expect(taken.refused).toEqual(['huge.pdf']);
    expect(taken.problem).toBeUndefined();
    expect(progress).toEqual([1, 2]);
    // Each File remembers the host's name for it, for the release once it is stored encrypted.
    expect(taken.files.map((file) => stagedScanOf(file))).toEqual(['staged-scan0001.pdf', 'staged-scan0002.jpg']);
    expect(stagedScanOf(new File(['x'], 'scan0001.pdf'))).toBeUndefined();
  });

  it('releases stored scans in batches the contract accepts', async () => {
    const batches: string[][] = [];
    const host = {
      'files:release-scanned': async (request: { staged: string[] }) => {
        batches.push(request.staged);
        return { ok: true as const, value: { released: request.staged.length } };
      },
    };
    await releaseScans(host, Array.from({ length: 150 }, (_, i) => `scan${i}.pdf`));
    expect(batches.map((batch) => batch.length)).toEqual([100, 50]);
  });

  it('keeps what it took and says why in both languages when the host fails', async () => {
    const host = hostAnswering([
      { ok: true, value: { file: scan('scan0001.pdf', 'one'), refused: [], remaining: 3 } },
      { ok: false, code: 'internal_error', message: 'The host failed to complete files:take-scanned.' },
    ]);
    const taken = await takeScans(host);
    expect(taken.files).toHaveLength(1);
    expect(taken.problem).toEqual({
      zh: '無法讀取掃描資料夾：The host failed to complete files:take-scanned.',
      en: 'The scan folder could not be read: The host failed to complete files:take-scanned.',
    });
  });

  it('stops when the host hands over nothing even if it counted files as ready', async () => {
    const host = hostAnswering([{ ok: true, value: { refused: [], remaining: 2 } }]);
    expect(await takeScans(host)).toEqual({ files: [], refused: [] });
    expect(host.calls()).toBe(1);
  });
});
