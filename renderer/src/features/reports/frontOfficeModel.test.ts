import { describe, expect, it } from 'vitest';
import type { QueueRow, RatingRow } from '../../../../shared/schemas/frontOfficeReport';
import { percentText } from '../../lib/percentText';
import { minutesOf, satisfactionChart, waitChart } from './frontOfficeModel';

const queueRow = (key: string, waitMedian: number | null, waitP90: number | null): QueueRow => ({
  key,
  labelZh: `${key}:00–${key}:59`,
  labelEn: `${key}:00–${key}:59`,
  issued: 10,
  served: 9,
  noShows: 1,
  noShowShare: 0.1,
  waitMedian,
  waitP90,
  serviceMedian: 300,
  serviceP90: 600,
  priority: 0,
  priorityOnTime: 0,
  priorityShare: null,
});
const box = { width: 300, height: 130, left: 40, bottom: 20 };

describe('the front office charts', () => {
  it('puts seconds in minutes with one decimal, and shares in percent', () => {
    expect([minutesOf(420), minutesOf(1170), minutesOf(95), minutesOf(null)]).toEqual([7, 19.5, 1.6, null]);
    expect([percentText(0.3333), percentText(1), percentText(null)]).toEqual(['33.3%', '100%', '—']);
  });

  it('draws per hour a bar to the 90th percentile and the median inside it, on a scale of whole steps', () => {
    // Plot: 130 − 20 − 10 = 100 units for 0 … 30 minutes (the highest p90 is 27 min: six steps of 5).
    const model = waitChart([queueRow('09', 600, 1620), queueRow('10', 300, 900), queueRow('16', null, null)], (row) => row.labelZh, box);
    expect(model.ticks.map((tick) => tick.value)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(model.ticks[0]?.y).toBe(110);
    expect(model.ticks.at(-1)?.y).toBe(10);
    const [nine, ten, four] = model.bars;
    expect(nine?.label).toBe('09:00–09:59');
    expect(nine?.parts.map((part) => [part.value, Math.round(part.height)])).toEqual([[27, 90], [10, 33]]);
    expect(ten?.parts.map((part) => part.value)).toEqual([15, 5]);
    expect(four?.parts.map((part) => part.height)).toEqual([0, 0]);
    // Three bands of (300 − 40 − 10) / 3 units, each bar 70 % of its band.
    expect(model.bars.map((bar) => Math.round(bar.x))).toEqual([53, 136, 219]);
    expect(Math.round(nine?.width ?? 0)).toBe(58);
  });

  it('takes longer steps when the waits are long, and one step when there is nothing', () => {
    expect(waitChart([queueRow('10', 1800, 3900)], undefined, box).ticks.map((tick) => tick.value)).toEqual([0, 15, 30, 45, 60, 75]);
    expect(waitChart([], undefined, box)).toEqual({ bars: [], ticks: [{ value: 0, y: 110 }, { value: 5, y: 10 }] });
  });

  it('draws the average rating of each month on a 0–5 scale', () => {
    const month = (key: string, average: number | null): RatingRow => ({ key, labelZh: key, labelEn: key, count: 3, average, satisfiedShare: 0.5 });
    const model = satisfactionChart([month('2026-02', 4), month('2026-03', null)], (row) => `${row.key}!`, box);
    expect(model.ticks.map((tick) => tick.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(model.bars.map((bar) => [bar.label, bar.parts[0]?.height])).toEqual([['2026-02!', 80], ['2026-03!', 0]]);
  });
});
