import { describe, expect, it } from 'vitest';
import { checkPlan, planRows, toggleGroup } from './counterPlanForm';

const plan = {
  day: '2026-12-08',
  counters: [
    { stationCode: 'KL02', label: '2號櫃台', groups: ['C' as const] },
    { stationCode: 'KL09', label: '舊櫃台', groups: ['D' as const] },
  ],
  stations: [
    { stationCode: 'KL01', name: 'Demo counter' },
    { stationCode: 'KL02', name: 'Counter 2' },
  ],
};

describe('the supervisor’s counters of the day', () => {
  it('lists every enrolled station with its day, never one no longer enrolled', () => {
    expect(planRows(plan)).toEqual([
      { stationCode: 'KL01', name: 'Demo counter', label: 'KL01', groups: ['A', 'B', 'C', 'D'] },
      { stationCode: 'KL02', name: 'Counter 2', label: '2號櫃台', groups: ['C'] },
    ]);
  });

  it('keeps the groups in the table’s order as they are checked', () => {
    expect(toggleGroup(['C'], 'A', true)).toEqual(['A', 'C']);
    expect(toggleGroup(['A', 'C'], 'A', false)).toEqual(['C']);
    expect(toggleGroup(['A'], 'L', true)).toEqual(['A', 'L']);
  });

  it('sends the rows as the server takes them, labels trimmed', () => {
    const rows = planRows(plan).map((row) => (row.stationCode === 'KL01' ? { ...row, label: ' 1號櫃台 ', groups: ['A' as const] } : row));
    expect(checkPlan(rows)).toEqual({
      ok: true,
      counters: [
        { stationCode: 'KL01', label: '1號櫃台', groups: ['A'] },
        { stationCode: 'KL02', label: '2號櫃台', groups: ['C'] },
      ],
    });
  });

  it('says beside each field what stops the plan: no label, a label too long, no group', () => {
    const [first, second] = planRows(plan);
    if (!first || !second) throw new Error('two rows expected');
    const checked = checkPlan([{ ...first, label: '  ' }, { ...second, label: '櫃'.repeat(21), groups: [] }]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors)).toEqual(['KL01', 'KL02']);
    expect(checked.errors.KL01?.label?.zh).toBe('請輸入櫃台名稱');
    expect(checked.errors.KL02?.label?.en).toBe("A counter's name has at most 20 characters");
    expect(checked.errors.KL02?.groups?.zh).toBe('請至少勾選一個號碼群組');
  });
});
