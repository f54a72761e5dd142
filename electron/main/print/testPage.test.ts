import { describe, expect, it } from 'vitest';
import type { PagePrintOptions } from './printJobs';
import { escapeHtml, printHtml, testPageHtml, type HiddenPrintWindow } from './testPage';

const options: PagePrintOptions = { silent: true, deviceName: 'TM_T82', printBackground: true, pageSize: { width: 80_000, height: 120_000 } };

function fakeWindow(behaviour: { loadFails?: boolean; success?: boolean }) {
  const record = { loaded: [] as string[], printed: [] as PagePrintOptions[], destroyed: 0 };
  const window: HiddenPrintWindow = {
    async loadURL(url) {
      record.loaded.push(url);
      if (behaviour.loadFails === true) throw new Error('ERR_FAILED');
    },
    webContents: {
      print(printOptions, callback) {
        record.printed.push(printOptions);
        setTimeout(() => callback(behaviour.success ?? true, behaviour.success === false ? 'Print job failed' : ''), 0);
      },
    },
    destroy: () => {
      record.destroyed += 1;
    },
  };
  return { window, record };
}

describe('test page', () => {
  it('sets the template paper size and shows the printer and station, escaped', () => {
    const html = testPageHtml('receipt', '<TM&T82>', 'keelung-counter-03', new Date('2025-03-04T05:06:07Z'));
    expect(html).toContain('@page { size: 80mm 120mm; margin: 0; }');
    expect(html).toContain('&#60;TM&#38;T82&#62;');
    expect(html).not.toContain('<TM&T82>');
    expect(html).toContain('keelung-counter-03');
    expect(html).not.toMatch(/<script/i);
    expect(testPageHtml('notice', '', 's', new Date(0))).toContain('@page { size: 210mm 297mm; margin: 0; }');
    expect(escapeHtml(`"'`)).toBe('&#34;&#39;');
  });

  it('prints the page from a data URL in a hidden window and destroys the window', async () => {
    const { window, record } = fakeWindow({});
    const result = await printHtml(() => window, '<p>測試</p>', options);
    expect(result).toEqual({ success: true, failureReason: '' });
    expect(record.loaded).toEqual([`data:text/html;charset=utf-8,${encodeURIComponent('<p>測試</p>')}`]);
    expect(record.printed).toEqual([options]);
    expect(record.destroyed).toBe(1);
  });

  it('destroys the window when the page cannot load, and passes a print failure on', async () => {
    const broken = fakeWindow({ loadFails: true });
    await expect(printHtml(() => broken.window, '<p></p>', options)).rejects.toThrow('ERR_FAILED');
    expect(broken.record.destroyed).toBe(1);
    expect(broken.record.printed).toEqual([]);
    const failing = fakeWindow({ success: false });
    expect(await printHtml(() => failing.window, '<p></p>', options)).toEqual({ success: false, failureReason: 'Print job failed' });
    expect(failing.record.destroyed).toBe(1);
  });
});
