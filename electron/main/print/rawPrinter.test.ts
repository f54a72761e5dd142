import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQueue, CUPS_PDF_PPD, cupsSchedulerRunning, pdfPageSizes, removeQueue, waitForCupsPdf } from '../../testing/cups';
import { renderEscposReceipt } from './escpos';
import { lpArgs, parseLpJobId, RawPrintError, submitRawJob, windowsSharePath, type RunCommand } from './rawPrinter';

const POINTS_PER_MM = 72 / 25.4;

describe('lp arguments', () => {
  it('reads the job from stdin, raw for ESC/POS and with a custom media size for PDFs', () => {
    expect(lpArgs('TM_T82', { raw: true, title: 'CounterDesk receipt' })).toEqual(['-d', 'TM_T82', '-t', 'CounterDesk receipt', '-o', 'raw', '--']);
    expect(lpArgs('Receipts', { media: { widthMm: 80, heightMm: 143.456 } })).toEqual(['-d', 'Receipts', '-o', 'media=Custom.80x143.46mm', '--']);
  });

  it('refuses queue names that lp would read as options or paths', () => {
    for (const bad of ['', '-o', 'a b', 'a/b', 'a#1']) expect(() => lpArgs(bad)).toThrow(RangeError);
  });

  it('reads the job id from lp', () => {
    expect(parseLpJobId('request id is TM_T82-12 (0 file(s))\n')).toBe('TM_T82-12');
    expect(parseLpJobId('')).toBeUndefined();
  });
});

describe('submitRawJob with a stand-in lp', () => {
  const answering = (result: Awaited<ReturnType<RunCommand>>) => {
    const calls: { command: string; args: readonly string[]; input: Uint8Array }[] = [];
    const run: RunCommand = async (command, args, input) => {
      calls.push({ command, args, input });
      return result;
    };
    return { calls, run };
  };

  it('pipes the bytes to lp and answers the job id', async () => {
    const { calls, run } = answering({ code: 0, stdout: 'request id is TM_T82-7 (0 file(s))\n', stderr: '' });
    const data = Uint8Array.from([0x1b, 0x40]);
    await expect(submitRawJob('TM_T82', data, { raw: true }, { platform: 'linux', run })).resolves.toBe('TM_T82-7');
    expect(calls).toEqual([{ command: 'lp', args: ['-d', 'TM_T82', '-o', 'raw', '--'], input: data }]);
  });

  it('tells a missing queue from other failures', async () => {
    const missing = answering({ code: 1, stdout: '', stderr: 'lp: The printer or class does not exist.\n' });
    const error = await submitRawJob('Gone', Uint8Array.of(1), {}, { platform: 'linux', run: missing.run }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RawPrintError);
    expect(error).toMatchObject({ printerMissing: true, message: 'lp: The printer or class does not exist.' });

    const broken = answering({ code: 1, stdout: '', stderr: 'lp: Error - Scheduler not responding.\n' });
    await expect(submitRawJob('TM_T82', Uint8Array.of(1), {}, { platform: 'linux', run: broken.run })).rejects.toMatchObject({ printerMissing: false });
  });

  it('writes to the printer share on Windows', async () => {
    const writes: string[] = [];
    const target = await submitRawJob('RECEIPT', Uint8Array.of(1), { raw: true }, {
      platform: 'win32',
      writeFile: async (filePath) => {
        writes.push(filePath);
      },
    });
    expect(target).toBe('\\\\localhost\\RECEIPT');
    expect(writes).toEqual(['\\\\localhost\\RECEIPT']);
    expect(() => windowsSharePath('..\\C$')).toThrow(RangeError);
    const gone = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    await expect(
      submitRawJob('GONE', Uint8Array.of(1), {}, {
        platform: 'win32',
        writeFile: async () => {
          throw gone;
        },
      }),
    ).rejects.toMatchObject({ printerMissing: true });
  });
});

// A real scheduler: the ESC/POS job goes through a raw queue to a socket printer on this machine, and a
// PDF through cups-pdf, whose output page size pdfinfo reads back. In CI the scheduler must be there.
const cupsReady = await cupsSchedulerRunning();
const suffix = `${process.pid}`;

describe.runIf(cupsReady || process.env.CI === 'true')('through CUPS', () => {
  const rawQueue = `CounterDesk_Raw_${suffix}`;
  const pdfQueue = `CounterDesk_PDF_${suffix}`;
  let printer: Server;
  const jobs: Buffer[] = [];

  beforeAll(async () => {
    expect(cupsReady, 'the CUPS scheduler runs (lpstat -r)').toBe(true);
    // A socket printer on the loopback: what a TM-T82 on port 9100 would receive.
    printer = createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => jobs.push(Buffer.concat(chunks)));
    });
    printer.listen(0, '127.0.0.1');
    await once(printer, 'listening');
    const { port } = printer.address() as AddressInfo;
    await addQueue(rawQueue, `socket://127.0.0.1:${port}`);
    await addQueue(pdfQueue, 'cups-pdf:/', CUPS_PDF_PPD);
  });

  afterAll(async () => {
    await removeQueue(rawQueue);
    await removeQueue(pdfQueue);
    printer?.close();
  });

  it('passes an ESC/POS receipt to the printer byte for byte', async () => {
    const bytes = renderEscposReceipt(
      {
        heading: ['基隆市稅務局', '收執聯 Receipt'],
        fields: [{ label: '申請人 Applicant', value: '王○明 A12****789' }],
        caseNo: '1140304-0007',
        qrData: 'https://counterdesk.tax.keelung.gov.tw/q/1140304-0007?v=k3J9',
        footer: ['掃描 QR Code 查詢案件進度'],
      },
      { encoding: 'big5' },
    );
    const jobId = await submitRawJob(rawQueue, bytes, { raw: true, title: 'CounterDesk receipt' }, { platform: 'linux' });
    expect(jobId).toMatch(new RegExp(`^${rawQueue}-\\d+$`));
    const deadline = Date.now() + 20_000;
    while (jobs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.equals(Buffer.from(bytes))).toBe(true);
  });

  it('prints an 80 mm receipt PDF at its measured height through cups-pdf', async () => {
    const heightMm = 143;
    const doc = await PDFDocument.create();
    const page = doc.addPage([80 * POINTS_PER_MM, heightMm * POINTS_PER_MM]);
    page.drawText('CounterDesk 1140304-0007', { x: 10, y: 100 * POINTS_PER_MM, size: 9, font: await doc.embedFont(StandardFonts.Helvetica) });
    const title = `cdreceipt${suffix}x${Date.now()}`;

    await submitRawJob(pdfQueue, await doc.save(), { media: { widthMm: 80, heightMm }, title }, { platform: 'linux' });

    const output = await waitForCupsPdf(title);
    const sizes = await pdfPageSizes(output);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]?.width).toBeCloseTo(80 * POINTS_PER_MM, -0.5);
    expect(sizes[0]?.height).toBeCloseTo(heightMm * POINTS_PER_MM, -0.5);
    await rm(output, { force: true });
  });

  it('reports a queue that does not exist as a missing printer', async () => {
    await expect(submitRawJob(`CounterDesk_Nowhere_${suffix}`, Uint8Array.of(0x1b, 0x40), { raw: true }, { platform: 'linux' })).rejects.toMatchObject({
      printerMissing: true,
    });
  });
});
