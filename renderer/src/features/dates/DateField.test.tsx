import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DateFieldProps } from './DateField';

/**
 * The field as it first renders, in a saved language: the locale store reads the saved choice when it
 * loads (server rendering sees that first state), and Node has no localStorage or document. What the
 * field does with keys and focus is covered in Chromium (test/e2e/counter.spec.ts).
 */
async function render(locale: 'zh-TW' | 'en', props: Partial<DateFieldProps> = {}): Promise<string> {
  vi.resetModules();
  Object.assign(globalThis, {
    localStorage: { getItem: () => locale, setItem: () => undefined },
    document: { documentElement: { lang: '' } },
  });
  const { DateField } = await import('./DateField');
  return renderToStaticMarkup(createElement(DateField, { id: 'due', label: '到期日', value: '', onChange: () => undefined, ...props }));
}

describe('the date field', () => {
  it('is a labelled text box showing the ROC date, with the Western date and weekday beside it', async () => {
    const html = await render('zh-TW', { value: '2026-12-07' });
    expect(html).toContain('<label for="due">到期日</label>');
    expect(html).toMatch(/<input[^>]*id="due"[^>]*type="text"[^>]*value="115\/12\/07"/);
    expect(html).toContain('aria-describedby="due-hint"');
    expect(html).toContain('<span id="due-hint" class="hint small date-field-hint">西元 2026-12-07（週一）</span>');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('type="date"');
  });

  it('says which forms it takes while empty, in the chosen language', async () => {
    expect(await render('zh-TW')).toContain('例：115/12/07、1151207 或 2026-12-07');
    const en = await render('en', { value: '2026-12-07' });
    expect(en).toContain('value="115/12/07"');
    expect(en).toContain('2026-12-07 (Mon)');
    expect(await render('en')).toContain('e.g. 115/12/07, 1151207 or 2026-12-07');
  });

  it("shows the screen's complaint next to the field in both languages, tied to the input", async () => {
    const html = await render('en', { required: true, error: { zh: '請輸入有效日期', en: 'Enter a valid date' } });
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="due-hint due-error"');
    expect(html).toContain('required=""');
    expect(html).toMatch(/<p id="due-error" class="field-error" role="alert"><span lang="zh-Hant-TW">請輸入有效日期<\/span> <span lang="en">Enter a valid date<\/span><\/p>/);
  });

  it('shows text kept from before (a draft) as it was typed, not as a date', async () => {
    const html = await render('zh-TW', { value: '115/02/30' });
    expect(html).toContain('value="115/02/30"');
    expect(html).toContain('例：115/12/07');
  });
});
